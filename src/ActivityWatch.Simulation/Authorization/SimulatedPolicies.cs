namespace ActivityWatch.Simulation.Authorization;

/// <summary>
/// The identity policies of the simulated organisation, as estates really have them: broader than
/// the work needs (service wildcards, AWS managed job-function policies), so that generated
/// least-privilege policies and unused-permission findings have something to show. The AWS
/// managed policies are abridged: their real documents run to thousands of actions.
/// </summary>
internal static class SimulatedPolicies
{
    public const string AdministratorAccess = "arn:aws:iam::aws:policy/AdministratorAccess";
    public const string PowerUserAccess = "arn:aws:iam::aws:policy/PowerUserAccess";
    public const string ReadOnlyAccess = "arn:aws:iam::aws:policy/ReadOnlyAccess";
    public const string ConfigRole = "arn:aws:iam::aws:policy/aws-service-role/AWSConfigServiceRolePolicy";

    /// <summary>AWS managed policies by ARN: name, path and document.</summary>
    public static readonly IReadOnlyList<(string Arn, string Name, string Path, string Document)> AwsManaged =
    [
        (AdministratorAccess, "AdministratorAccess", "/", Allow(["*"])),
        (PowerUserAccess, "PowerUserAccess", "/", """
            {"Version":"2012-10-17","Statement":[
              {"Effect":"Allow","NotAction":["iam:*","organizations:*","account:*"],"Resource":"*"},
              {"Effect":"Allow","Action":["iam:CreateServiceLinkedRole","iam:DeleteServiceLinkedRole","iam:ListRoles","organizations:DescribeOrganization","account:ListRegions"],"Resource":"*"}]}
            """),
        (ReadOnlyAccess, "ReadOnlyAccess", "/", Allow([
            "cloudformation:Describe*", "cloudformation:List*", "cloudtrail:Describe*", "cloudtrail:Get*", "cloudtrail:LookupEvents",
            "cloudwatch:Describe*", "cloudwatch:Get*", "cloudwatch:List*", "config:Describe*", "config:Get*", "dynamodb:Describe*",
            "dynamodb:List*", "ec2:Describe*", "iam:Get*", "iam:List*", "kms:Describe*", "kms:List*", "lambda:Get*", "lambda:List*",
            "logs:Describe*", "logs:Get*", "s3:GetBucket*", "s3:List*", "sns:Get*", "sns:List*", "sqs:Get*", "sqs:List*",
            "ssm:Describe*", "ssm:List*", "secretsmanager:ListSecrets", "secretsmanager:DescribeSecret", "sts:GetCallerIdentity",
        ])),
        (ConfigRole, "AWSConfigServiceRolePolicy", "/aws-service-role/", Allow([
            "ec2:Describe*", "iam:GetRole", "iam:GetRolePolicy", "iam:GetPolicy", "iam:GetPolicyVersion", "iam:GetUser", "iam:List*",
            "kms:DescribeKey", "kms:GetKeyRotationStatus", "kms:ListKeys", "lambda:GetFunction", "lambda:GetPolicy", "lambda:ListFunctions",
            "s3:GetBucket*", "s3:GetEncryptionConfiguration", "s3:GetLifecycleConfiguration", "s3:ListAllMyBuckets", "s3:ListBucket",
            "sns:GetTopicAttributes", "sns:ListTopics", "sqs:GetQueueAttributes", "sqs:ListQueues", "cloudtrail:DescribeTrails",
            "cloudtrail:GetTrailStatus", "config:Put*", "dynamodb:DescribeTable", "dynamodb:ListTables", "logs:DescribeLogGroups",
        ])),
    ];

    /// <summary>The customer managed policy behind the DataAnalyst permission set and the analysts' group.</summary>
    public static string DataAnalyst() => Allow(["athena:*", "glue:*", "s3:Get*", "s3:List*", "s3:PutObject", "dynamodb:Query", "dynamodb:Scan", "logs:*"]);

    /// <summary>A workload's inline policy: whole services where a few actions would do.</summary>
    public static string Workload(WorkloadArchetype kind) => kind switch
    {
        WorkloadArchetype.ApiFunction => Allow(["dynamodb:*", "s3:*", "sqs:*", "kms:*", "logs:*", "secretsmanager:GetSecretValue", "ssm:GetParameter*", "xray:PutTraceSegments"]),
        WorkloadArchetype.QueueWorker => Allow(["sqs:*", "dynamodb:*", "s3:*", "sns:*", "secretsmanager:*", "kms:Decrypt", "kms:GenerateDataKey", "logs:*", "ssm:GetParameter*"]),
        WorkloadArchetype.NightlyBatch => Allow(["s3:*", "athena:*", "glue:*", "logs:*", "dynamodb:*", "kms:Decrypt"]),
        WorkloadArchetype.InstanceAgent => Allow(["ssm:*", "ec2messages:*", "ssmmessages:*", "cloudwatch:PutMetricData", "logs:*", "s3:GetObject", "s3:PutObject", "ec2:Describe*", "kms:Decrypt"]),
        _ => Allow(["s3:*", "logs:*"]),
    };

    /// <summary>The CI user: it only needs to assume the deploy role and read the state, but was given more.</summary>
    public static string Deployer(string account) =>
        $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"arn:aws:iam::{{account}}:role/terraform-deploy"},{"Effect":"Allow","Action":["s3:*","dynamodb:*"],"Resource":"*"}]}""";

    /// <summary>Who may assume a role: a service, an account, or Identity Center's SAML provider.</summary>
    public static string Trust(string principalKind, string principal, string action = "sts:AssumeRole") =>
        $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"{{principalKind}}":"{{principal}}"},"Action":"{{action}}"}]}""";

    private static string Allow(IReadOnlyList<string> actions) =>
        $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":[{{string.Join(",", actions.Select(a => $"\"{a}\""))}}],"Resource":"*"}]}""";
}
