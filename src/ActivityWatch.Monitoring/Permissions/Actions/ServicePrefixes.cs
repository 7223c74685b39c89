using System.Collections.Frozen;

namespace ActivityWatch.Monitoring.Permissions.Actions;

/// <summary>
/// CloudTrail eventSource to IAM service prefix. Most sources are "&lt;prefix&gt;.amazonaws.com",
/// but not all (CloudWatch logs as monitoring.amazonaws.com, SES as email.amazonaws.com, the
/// tagging API as tagging.amazonaws.com with prefix "tag"). A source in neither this table nor
/// the loaded catalogue is Unknown: guessing a prefix is CloudTracker's classic mistake.
/// </summary>
public static class ServicePrefixes
{
    private static readonly FrozenDictionary<string, string> Exceptions = new Dictionary<string, string>
    {
        ["monitoring"] = "cloudwatch",
        ["email"] = "ses",
        ["tagging"] = "tag",
        ["elasticfilesystem"] = "elasticfilesystem",
        ["resource-explorer-2"] = "resource-explorer-2",
        ["sso-directory"] = "sso-directory",
        ["iam-identitycenter"] = "sso",
        ["ssmmessages"] = "ssmmessages",
        ["ec2messages"] = "ec2messages",
        ["lex"] = "lex",
        ["models.lex"] = "lex",
        ["runtime.lex"] = "lex",
        ["runtime.sagemaker"] = "sagemaker",
        ["api.ecr"] = "ecr",
        ["api.pricing"] = "pricing",
        ["appstream2"] = "appstream",
        ["execute-api"] = "execute-api",
        ["streams.dynamodb"] = "dynamodb",
        ["data.iot"] = "iot",
        ["aws-marketplace"] = "aws-marketplace",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Services whose eventSource label is their IAM prefix.</summary>
    private static readonly FrozenSet<string> SameName = new[]
    {
        "s3", "iam", "sts", "kms", "lambda", "ec2", "dynamodb", "sqs", "sns", "logs", "events", "cloudtrail",
        "cloudformation", "ssm", "secretsmanager", "rds", "redshift", "elasticache", "elasticloadbalancing",
        "autoscaling", "application-autoscaling", "route53", "route53domains", "acm", "athena", "glue",
        "kinesis", "firehose", "ecr", "ecs", "eks", "states", "es", "config", "guardduty", "securityhub",
        "access-analyzer", "organizations", "sso", "signin", "health", "cloudfront", "apigateway", "xray",
        "codebuild", "codecommit", "codedeploy", "codepipeline", "codeartifact", "cognito-idp",
        "cognito-identity", "cognito-sync", "sagemaker", "bedrock", "batch", "backup", "elasticmapreduce",
        "elasticbeanstalk", "fsx", "storagegateway", "transfer", "datasync", "dms", "ram", "wafv2", "shield",
        "inspector2", "macie2", "detective", "servicequotas", "support", "trustedadvisor", "ce", "budgets",
        "kafka", "airflow", "dax", "appsync", "amplify", "lakeformation", "quicksight", "resource-groups",
        "servicecatalog", "cloudshell", "notifications", "account", "iot", "mq", "pi", "rds-data",
        "cloud9", "kinesisanalytics", "sso-oauth", "identitystore", "ses", "scheduler", "pipes",
        "emr-serverless", "emr-containers", "opensearch", "aoss", "memorydb", "timestream", "appconfig",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>The IAM prefix for an eventSource, or null when ActivityWatch does not know it.</summary>
    public static string? For(string? eventSource, Func<string, bool>? catalogKnows = null)
    {
        if (string.IsNullOrEmpty(eventSource)) return null;
        const string suffix = ".amazonaws.com";
        if (!eventSource.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)) return null;
        var label = eventSource[..^suffix.Length];
        if (Exceptions.TryGetValue(label, out var prefix)) return prefix;
        if (SameName.Contains(label)) return label.ToLowerInvariant();
        return catalogKnows is not null && catalogKnows(label) ? label.ToLowerInvariant() : null;
    }
}
