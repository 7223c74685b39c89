using System.Text.Json;
using ActivityWatch.Monitoring.Alerts;
using ActivityWatch.Monitoring.Detections.Reading;
using ActivityWatch.Monitoring.Records;

namespace ActivityWatch.Monitoring.Detections.Catalogue;

/// <summary>
/// Defense evasion (TA0005) beyond CloudTrail itself (<see cref="LoggingTamperingRules"/>): DNS query
/// logs, S3 access logs, Bedrock invocation logs and guardrails removed, S3 protections lifted, and
/// an account trying to leave its organization (and its SCPs and org trail).
/// </summary>
public static class DefenseEvasionRules
{
    public static IEnumerable<DetectionRule> All()
    {
        yield return LoggingRemoved("route53resolver.query-logging-deleted", "Route 53 Resolver DNS query logging deleted", "route53resolver.amazonaws.com",
            "DNS query logs show which domains instances resolve (command and control, exfiltration over DNS): restore the configuration and its VPC associations.",
            ["Tearing down a VPC together with its query log configuration"],
            "DeleteResolverQueryLogConfig", "DisassociateResolverQueryLogConfig");
        yield return LoggingRemoved("bedrock.invocation-logging-deleted", "Bedrock model invocation logging deleted", "bedrock.amazonaws.com",
            "Without invocation logs, prompts and responses of stolen-credential model use (LLMjacking) are invisible: restore logging and review InvokeModel calls since.",
            ["Moving invocation logs to another destination (a Put follows at once)"],
            "DeleteModelInvocationLoggingConfiguration");
        yield return LoggingRemoved("bedrock.guardrail-deleted", "Bedrock guardrail deleted", "bedrock.amazonaws.com",
            "Check which applications used the guardrail and whether model invocations followed without it.",
            ["Replacing a guardrail with a new version"],
            "DeleteGuardrail");
        yield return new DetectionRule
        {
            Id = "s3.access-logging-disabled",
            Title = "S3 server access logging disabled on a bucket",
            Severity = Severity.High,
            BestPractice = BestPractices.MonitorActivity,
            Mitre = ["T1562.008"],
            NextSteps = "Re-enable logging; object reads and deletes after this point are only visible in CloudTrail data events, if any.",
            FalsePositives = ["Decommissioning a bucket"],
            EventNames = EventNames.Of("PutBucketLogging"),
            Match = (r, _) => r.IsCloudTrail() && r.EventSource == "s3.amazonaws.com" && r.Succeeded() && LoggingDisabled(r)
                ? $"{r.Principal} disabled server access logging on bucket {r.RequestParameter("bucketName")} from {r.SourceIp}."
                : null,
        };
        yield return new DetectionRule
        {
            Id = "s3.public-access-block-removed",
            Title = "S3 Block Public Access removed or weakened",
            Severity = Severity.High,
            BestPractice = BestPractices.VerifyPublicAndCrossAccountAccess,
            Mitre = ["T1562.007", "T1530"],
            NextSteps = "Restore Block Public Access; check the bucket's (or account's) policy and ACLs for public grants made after this call.",
            FalsePositives = ["Static website buckets that are public on purpose"],
            EventNames = EventNames.Of("DeleteBucketPublicAccessBlock", "PutBucketPublicAccessBlock", "DeleteAccountPublicAccessBlock", "PutAccountPublicAccessBlock"),
            Match = (r, _) => r.IsCloudTrail() && r.Succeeded() && (r.EventName!.StartsWith("Delete", StringComparison.Ordinal) || BlockWeakened(r))
                ? $"{r.Principal} called {r.EventName}{(r.RequestParameter("bucketName") is { } b ? $" on bucket {b}" : " for the account")} from {r.SourceIp}."
                : null,
        };
        yield return new DetectionRule
        {
            Id = "s3.versioning-suspended",
            Title = "S3 bucket versioning suspended",
            Severity = Severity.Medium,
            BestPractice = BestPractices.MonitorActivity,
            Mitre = ["T1490", "T1485"],
            NextSteps = "Versioning is what lets deleted or overwritten objects be recovered: re-enable it and watch for deletions by the same principal.",
            FalsePositives = ["Cost clean-up of scratch buckets"],
            EventNames = EventNames.Of("PutBucketVersioning"),
            Match = (r, _) => r.IsCloudTrail() && r.EventSource == "s3.amazonaws.com" && r.Succeeded()
                              && string.Equals(RecordFields.Scalar(RecordValues.Property(r.Field("requestParameters", "VersioningConfiguration"), "Status")), "Suspended", StringComparison.OrdinalIgnoreCase)
                ? $"{r.Principal} suspended versioning on bucket {r.RequestParameter("bucketName")} from {r.SourceIp}."
                : null,
        };
        yield return new DetectionRule
        {
            Id = "organizations.leave-attempted",
            Title = "Account tried to leave its AWS Organization",
            Severity = Severity.High,
            BestPractice = BestPractices.MonitorActivity,
            Mitre = ["T1666", "T1562.008"],
            NextSteps = "Leaving drops the account's SCPs and organization trail: confirm with the organization's owners; an SCP denying organizations:LeaveOrganization prevents it.",
            FalsePositives = ["Planned account migration between organizations"],
            EventNames = EventNames.Of("LeaveOrganization"),
            // Attempts count: a refused try shows intent, and the SCP that refused it is why it failed.
            Match = (r, _) => r.IsCloudTrail() && r.EventSource == "organizations.amazonaws.com"
                ? $"{r.Principal} called organizations:LeaveOrganization from {r.SourceIp}{ExecutionRules.Refused(r)}."
                : null,
        };
    }

    private static DetectionRule LoggingRemoved(string id, string title, string eventSource, string nextSteps, IReadOnlyList<string> falsePositives, params string[] names) => new()
    {
        Id = id,
        Title = title,
        Severity = Severity.High,
        BestPractice = BestPractices.MonitorActivity,
        Mitre = id.EndsWith("guardrail-deleted", StringComparison.Ordinal) ? ["T1562.001"] : ["T1562.008"],
        NextSteps = nextSteps,
        FalsePositives = falsePositives,
        EventNames = EventNames.Of(names),
        Match = (r, _) => r.IsCloudTrail() && r.EventSource == eventSource && r.Succeeded()
            ? $"{r.Principal} called {eventSource.Split('.')[0]}:{r.EventName}{Target(r)} from {r.SourceIp}."
            : null,
    };

    private static string Target(ActivityRecorded r) =>
        (r.RequestParameter("resolverQueryLogConfigId") ?? r.RequestParameter("guardrailIdentifier")) is { } target ? $" ({target})" : "";

    /// <summary>PutBucketLogging with a BucketLoggingStatus that has no LoggingEnabled turns logging off.</summary>
    private static bool LoggingDisabled(ActivityRecorded record)
    {
        var status = record.Field("requestParameters", "BucketLoggingStatus");
        return status is not { ValueKind: JsonValueKind.Object } s || RecordValues.Property(s, "LoggingEnabled") is null;
    }

    private static bool BlockWeakened(ActivityRecorded record)
    {
        var configuration = record.Field("requestParameters", "PublicAccessBlockConfiguration");
        if (configuration is not { ValueKind: JsonValueKind.Object } c) return false;
        return new[] { "BlockPublicAcls", "IgnorePublicAcls", "BlockPublicPolicy", "RestrictPublicBuckets" }
            .Any(name => RecordFields.Scalar(RecordValues.Property(c, name)) is { } value && value.Equals("false", StringComparison.OrdinalIgnoreCase));
    }
}
