namespace ActivityWatch.Simulation.Catalog;

/// <summary>CloudWatch, CloudWatch Logs, CloudFormation, SNS and SQS.</summary>
internal static partial class ApiCatalog
{
    public static readonly ApiCall DescribeAlarms = new("monitoring", "DescribeAlarms", true);
    public static readonly ApiCall GetMetricData = new("monitoring", "GetMetricData", true);
    public static readonly ApiCall ListMetrics = new("monitoring", "ListMetrics", true);
    public static readonly ApiCall PutMetricAlarm = new("monitoring", "PutMetricAlarm", false)
    {
        Request = (j, c) =>
        {
            j.WriteString("alarmName", $"orders-api-errors-{c.Random.Hex(4)}");
            j.WriteString("metricName", "Errors");
            j.WriteString("namespace", "AWS/Lambda");
            j.WriteString("comparisonOperator", "GreaterThanThreshold");
            j.WriteNumber("threshold", 5.0);
        },
    };

    public static readonly ApiCall DescribeLogGroups = new("logs", "DescribeLogGroups", true);
    public static readonly ApiCall DescribeLogStreams = Named("logs", "DescribeLogStreams", true, TargetKind.LogGroup, "logGroupName");
    public static readonly ApiCall FilterLogEvents = Named("logs", "FilterLogEvents", true, TargetKind.LogGroup, "logGroupName");
    public static readonly ApiCall CreateLogStream = new("logs", "CreateLogStream", false, TargetKind.LogGroup)
    {
        Request = (j, c) =>
        {
            j.WriteString("logGroupName", c.Target.Name);
            j.WriteString("logStreamName", $"2026/11/[$LATEST]{c.Random.Hex(32)}");
        },
    };

    public static readonly ApiCall DescribeStacks = Named("cloudformation", "DescribeStacks", true, TargetKind.Stack, "stackName");
    public static readonly ApiCall DescribeStackEvents = Named("cloudformation", "DescribeStackEvents", true, TargetKind.Stack, "stackName");
    public static readonly ApiCall ListStacks = new("cloudformation", "ListStacks", true);
    public static readonly ApiCall CreateChangeSet = new("cloudformation", "CreateChangeSet", false, TargetKind.Stack)
    {
        Request = (j, c) =>
        {
            j.WriteString("stackName", c.Target.Name);
            j.WriteString("changeSetName", $"deploy-{c.Random.Hex(8)}");
            j.WriteString("changeSetType", "UPDATE");
        },
    };

    public static readonly ApiCall ListTopics = new("sns", "ListTopics", true);
    public static readonly ApiCall GetTopicAttributes = Named("sns", "GetTopicAttributes", true, TargetKind.Topic, "topicArn");

    public static readonly ApiCall ListQueues = new("sqs", "ListQueues", true);
    public static readonly ApiCall GetQueueAttributes = new("sqs", "GetQueueAttributes", true, TargetKind.Queue)
    {
        Request = (j, c) =>
        {
            j.WriteString("queueUrl", c.Target.Arn);
            j.WriteStartArray("attributeNames");
            j.WriteStringValue("All");
            j.WriteEndArray();
        },
    };
}
