namespace ActivityWatch.Monitoring.Records;

public static class LogSources
{
    /// <summary>A CloudTrail record read from a trail's delivery file (or an export of them).</summary>
    public const string CloudTrail = "cloudtrail";

    /// <summary>
    /// A CloudTrail record that arrived inside an EventBridge event (a rule forwarding to SQS, or a
    /// Firehose export): seconds after the call, but with no digest behind it, and whoever can send
    /// to the queue can write one. Analysts tell the two apart by this value.
    /// </summary>
    public const string CloudTrailViaEventBridge = "cloudtrail-eventbridge";

    public const string S3Access = "s3-access";

    public static readonly IReadOnlyList<string> All = [CloudTrail, CloudTrailViaEventBridge, S3Access];

    /// <summary>Both CloudTrail sources: detections and views treat a forwarded record like one from the trail.</summary>
    public static readonly IReadOnlyList<string> CloudTrailSources = [CloudTrail, CloudTrailViaEventBridge];

    public static bool IsKnown(string source) => All.Contains(source);

    public static bool IsCloudTrail(string source) => source is CloudTrail or CloudTrailViaEventBridge;
}
