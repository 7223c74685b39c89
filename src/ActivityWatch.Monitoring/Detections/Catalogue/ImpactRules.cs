using System.Text.RegularExpressions;
using ActivityWatch.Monitoring.Alerts;
using ActivityWatch.Monitoring.Detections.Reading;
using ActivityWatch.Monitoring.Records;

namespace ActivityWatch.Monitoring.Detections.Catalogue;

/// <summary>
/// Impact (TA0040): S3 ransomware (mass deletion, objects rewritten under a key only the attacker
/// holds, a ransom note) and model abuse on stolen credentials (LLMjacking). Deletions are counted
/// from CloudTrail data events and from S3 server access logs, whichever the estate collects.
/// </summary>
public static partial class ImpactRules
{
    public static IEnumerable<DetectionRule> All()
    {
        yield return new DetectionRule
        {
            Id = "s3.mass-deletion",
            Title = "Mass deletion of S3 objects",
            Severity = Severity.High,
            BestPractice = BestPractices.LeastPrivilege,
            Mitre = ["T1485"],
            NextSteps = "Stop the principal (deny policy, revoke sessions); check versioning and backups of the buckets; look for a ransom note or objects copied out first.",
            FalsePositives = ["Clean-up jobs deleting many temporary objects (suppress their role)", "Lifecycle-like scripts run by hand"],
            EventNames = EventNames.Of("DeleteObject", "DeleteObjects", "REST.DELETE.OBJECT", "BATCH.DELETE.OBJECT"),
            Threshold = o => new RuleThreshold(o.MassDeletionThreshold, o.MassDeletionWindow) { Distinct = DeletedObjects },
            Match = (r, _) => !r.IsServiceOnBehalf() && Deleted(r) && DeletedObjects(r).Any()
                ? $"{r.Principal} deleted objects in bucket {r.Bucket ?? r.RequestParameter("bucketName")} ({r.EventName}) from {r.SourceIp}."
                : null,
        };
        yield return new DetectionRule
        {
            Id = "s3.objects-encrypted-with-customer-key",
            Title = "S3 objects rewritten with a customer-provided key (SSE-C)",
            Severity = Severity.High,
            BestPractice = BestPractices.LeastPrivilege,
            Mitre = ["T1486"],
            NextSteps = "Objects encrypted with SSE-C can only be read with the caller's key: stop the principal, restore previous versions, check for a ransom note.",
            FalsePositives = ["Applications that use SSE-C by design (few do)"],
            EventNames = EventNames.Of("CopyObject", "PutObject", "CompleteMultipartUpload"),
            Threshold = o => new RuleThreshold(o.SseCThreshold, o.MassDeletionWindow) { Distinct = r => ObjectKeys(r) },
            Match = (r, _) => r.IsCloudTrail() && r.Succeeded() && r.RequestParameter("x-amz-server-side-encryption-customer-algorithm") is not null
                ? $"{r.Principal} wrote {r.RequestParameter("key")} in bucket {r.RequestParameter("bucketName")} with SSE-C from {r.SourceIp}."
                : null,
        };
        yield return new DetectionRule
        {
            Id = "s3.ransom-note-uploaded",
            Title = "Ransom note uploaded to S3",
            Severity = Severity.High,
            BestPractice = BestPractices.LeastPrivilege,
            Mitre = ["T1486", "T1485"],
            NextSteps = "Read the object; check what the same principal deleted or rewrote before it (timeline --principal); stop the principal and restore from versions or backups.",
            FalsePositives = ["Security training material or tooling named after ransomware"],
            EventNames = EventNames.Of("PutObject", "REST.PUT.OBJECT"),
            Match = (r, _) => Written(r) && (r.ObjectKey ?? r.RequestParameter("key")) is { } key && RansomNote().IsMatch(key)
                ? $"{r.Principal} uploaded {key} to bucket {r.Bucket ?? r.RequestParameter("bucketName")} from {r.SourceIp}."
                : null,
        };
        yield return new DetectionRule
        {
            Id = "bedrock.suspicious-model-use",
            Title = "Bedrock model probed, enabled or invoked with long-term keys",
            Severity = Severity.Medium,
            BestPractice = BestPractices.UseRolesForWorkloads,
            Mitre = ["T1496.004"],
            NextSteps = "LLMjacking: check the key's owner and usual services; invalid-request probes (ValidationException) and model-access requests precede resale of access; disable the key if not planned.",
            FalsePositives = ["Developers trying models with personal IAM user keys"],
            EventNames = EventNames.Of("InvokeModel", "InvokeModelWithResponseStream", "Converse", "ConverseStream",
                "PutUseCaseForModelAccess", "PutFoundationModelEntitlement", "CreateFoundationModelAgreement"),
            Match = (r, _) => r.IsCloudTrail() && r.EventSource == "bedrock.amazonaws.com" && !r.IsServiceOnBehalf() && ModelAbuse(r) is { } why
                ? $"{r.Principal} {why} from {r.SourceIp}."
                : null,
        };
    }

    private static bool Deleted(ActivityRecorded record) => record.Source == LogSources.S3Access
        ? record.HttpStatus is >= 200 and < 300
        : record.Succeeded();

    private static bool Written(ActivityRecorded record) => record.Source == LogSources.S3Access
        ? record.HttpStatus is >= 200 and < 300
        : record.Succeeded();

    /// <summary>Deleted objects as bucket/key. DeleteObjects in CloudTrail does not list its keys (up to 1,000): it counts as one.</summary>
    private static IEnumerable<string> DeletedObjects(ActivityRecorded record)
    {
        if (record.Source == LogSources.S3Access)
            return record.ObjectKey is { Length: > 0 } key && key != "-" ? [$"{record.Bucket}/{key}"] : [];
        if (record.EventName == "DeleteObjects") return [$"batch:{RecordFields.EvidenceId(record)}"];
        return ObjectKeys(record);
    }

    private static IEnumerable<string> ObjectKeys(ActivityRecorded record) =>
        record.Parameters("key").Select(k => $"{record.RequestParameter("bucketName")}/{k}");

    private static string? ModelAbuse(ActivityRecorded record)
    {
        if (record.EventName is "PutUseCaseForModelAccess" or "PutFoundationModelEntitlement" or "CreateFoundationModelAgreement")
            return record.Succeeded() ? $"enabled model access ({record.EventName})" : null;
        if (record.ErrorCode is "ValidationException" or "AccessDeniedException") return $"called {record.EventName} and got {record.ErrorCode} (probing)";
        return record.IdentityType == IdentityTypes.IamUser && record.AccessKeyId?.StartsWith("AKIA", StringComparison.Ordinal) == true
            ? $"invoked {record.RequestParameter("modelId")} with long-term access key {record.AccessKeyId}"
            : null;
    }

    [GeneratedRegex(@"ransom|decrypt|files?[-_ ]?(deleted|encrypted)|recover[-_ ]?(your|files|data)|how[-_ ]?to[-_ ]?(restore|recover|decrypt)|(restore|readme)[-_ ]?(files|data|warning)|pay[-_ ]?bitcoin",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex RansomNote();
}
