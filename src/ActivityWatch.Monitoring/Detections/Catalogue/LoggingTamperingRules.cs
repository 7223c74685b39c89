using System.Globalization;
using System.Text.Json;
using ActivityWatch.Monitoring.Alerts;
using ActivityWatch.Monitoring.Detections.Reading;
using ActivityWatch.Monitoring.Records;

namespace ActivityWatch.Monitoring.Detections.Catalogue;

/// <summary>Logging and detection switched off or thinned out, beyond the CIS 5.5 trail alarms (MITRE T1562).</summary>
public static class LoggingTamperingRules
{
    public static IEnumerable<DetectionRule> All()
    {
        yield return new DetectionRule
        {
            Id = "cloudtrail.selectors-reduced",
            Title = "CloudTrail event or insight selectors reduce coverage",
            Severity = Severity.High,
            BestPractice = BestPractices.MonitorActivity,
            Mitre = ["T1562.008"],
            NextSteps = "Restore full management-event logging; look for activity in the gap.",
            FalsePositives = ["Cost tuning of data-event selectors"],
            EventNames = EventNames.Of("PutEventSelectors", "PutInsightSelectors"),
            Match = (r, _) => r.Succeeded() && SelectorReduction(r) is { } why
                ? $"{r.Principal} changed selectors of trail {r.RequestParameter("trailName")}: {why}."
                : null,
        };
        yield return new DetectionRule
        {
            Id = "s3.trail-bucket-short-lifecycle",
            Title = "Short lifecycle expiration on a CloudTrail bucket",
            Severity = Severity.High,
            BestPractice = BestPractices.MonitorActivity,
            Cis = ["5.8"],
            Mitre = ["T1562.008"],
            NextSteps = "Restore retention on the trail bucket; confirm logs needed for investigations are not expiring.",
            FalsePositives = ["Log archives moved to another bucket with its own retention"],
            // S3 logs PutBucketLifecycleConfiguration calls as PutBucketLifecycle; both names are accepted.
            EventNames = EventNames.Of("PutBucketLifecycle", "PutBucketLifecycleConfiguration"),
            Match = ShortLifecycle,
        };
        yield return new DetectionRule
        {
            Id = "guardduty.disabled",
            Title = "GuardDuty detector deleted, disabled or disassociated",
            Severity = Severity.High,
            BestPractice = BestPractices.MonitorActivity,
            Mitre = ["T1562.001"],
            NextSteps = "Re-enable GuardDuty; review findings from before the change and activity since.",
            FalsePositives = ["Consolidating GuardDuty under a delegated administrator"],
            EventNames = EventNames.Of("DeleteDetector", "UpdateDetector", "DisassociateFromMasterAccount", "DisassociateFromAdministratorAccount"),
            Match = (r, _) => r.EventSource == "guardduty.amazonaws.com" && r.Succeeded()
                              && (r.EventName != "UpdateDetector" || r.RequestParameter("enable") == "false")
                ? $"{r.Principal} called guardduty:{r.EventName} on detector {r.RequestParameter("detectorId")} from {r.SourceIp}."
                : null,
        };
        yield return new DetectionRule
        {
            Id = "config.recorder-stopped",
            Title = "AWS Config recorder stopped or deleted",
            Severity = Severity.High,
            BestPractice = BestPractices.MonitorActivity,
            Cis = ["5.9"],
            Mitre = ["T1562.001"],
            NextSteps = "Restart the recorder; resources changed while it was off are missing from Config's history.",
            FalsePositives = ["Region clean-up"],
            EventNames = EventNames.Of("StopConfigurationRecorder", "DeleteConfigurationRecorder"),
            Match = (r, _) => r.EventSource == "config.amazonaws.com" && r.Succeeded()
                ? $"{r.Principal} called config:{r.EventName} ({r.RequestParameter("configurationRecorderName")}) from {r.SourceIp}."
                : null,
        };
        yield return new DetectionRule
        {
            Id = "ec2.flow-logs-deleted",
            Title = "VPC flow logs deleted",
            Severity = Severity.High,
            BestPractice = BestPractices.MonitorActivity,
            Mitre = ["T1562.008"],
            NextSteps = "Recreate the flow logs; network activity of the VPC is unrecorded since the deletion.",
            FalsePositives = ["Deleting a VPC together with its flow logs"],
            EventNames = EventNames.Of("DeleteFlowLogs"),
            Match = (r, _) => r.EventSource == "ec2.amazonaws.com" && r.Succeeded()
                ? $"{r.Principal} deleted VPC flow logs from {r.SourceIp}."
                : null,
        };
    }

    /// <summary>
    /// Without the trail's previous selectors, "reduces" means the new ones leave gaps: management
    /// events excluded or limited to reads or writes, sources excluded, or insights emptied.
    /// </summary>
    private static string? SelectorReduction(ActivityRecorded record)
    {
        if (record.EventName == "PutInsightSelectors")
        {
            var insights = record.Field("requestParameters", "insightSelectors");
            return insights is not { ValueKind: JsonValueKind.Array } list || list.GetArrayLength() == 0 ? "insight selectors emptied (Insights off)" : null;
        }
        var reasons = new List<string>();
        if (record.Field("requestParameters", "eventSelectors") is { ValueKind: JsonValueKind.Array } selectors)
        {
            if (selectors.GetArrayLength() == 0) reasons.Add("no event selectors");
            foreach (var selector in selectors.EnumerateArray())
            {
                if (RecordFields.Scalar(Property(selector, "includeManagementEvents")) == "false") reasons.Add("management events excluded");
                if (RecordFields.Scalar(Property(selector, "readWriteType")) is { } rw && rw != "All") reasons.Add($"readWriteType {rw}");
                if (Property(selector, "excludeManagementEventSources") is { ValueKind: JsonValueKind.Array } excluded && excluded.GetArrayLength() > 0)
                    reasons.Add($"excluded sources {string.Join(",", excluded.EnumerateArray().Select(e => e.ToString()))}");
            }
        }
        if (record.Field("requestParameters", "advancedEventSelectors") is { ValueKind: JsonValueKind.Array } advanced)
        {
            if (advanced.GetArrayLength() == 0) reasons.Add("no advanced event selectors");
            foreach (var field in RecordFields.Descendants(advanced, "field").Where(f => f.ValueKind == JsonValueKind.String))
                if (RecordFields.Scalar(field) is "readOnly" or "eventSource") reasons.Add($"advanced selector filters on {RecordFields.Scalar(field)}");
        }
        return reasons.Count == 0 ? null : string.Join("; ", reasons.Distinct());
    }

    private static JsonElement? Property(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGet(name, out var value) ? value : null;

    private static string? ShortLifecycle(ActivityRecorded record, DetectionContext context)
    {
        var bucket = record.RequestParameter("bucketName");
        if (!record.Succeeded() || !context.IsTrailBucket(bucket) || record.Field("requestParameters") is not { } parameters) return null;
        var days = RecordFields.Descendants(parameters, "Expiration")
            .SelectMany(e => RecordFields.Descendants(e, "Days"))
            .Concat(RecordFields.Descendants(parameters, "NoncurrentDays"))
            .Select(d => int.TryParse(RecordFields.Scalar(d), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : (int?)null)
            .Where(n => n is not null)
            .Min();
        return days is { } shortest && shortest < context.Options.MinimumTrailRetentionDays
            ? $"{record.Principal} set a lifecycle rule expiring CloudTrail logs in bucket {bucket} after {shortest} days (< {context.Options.MinimumTrailRetentionDays})."
            : null;
    }
}
