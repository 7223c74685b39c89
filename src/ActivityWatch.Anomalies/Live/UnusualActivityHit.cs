using ActivityWatch.Anomalies.Features;
using ActivityWatch.Anomalies.Scoring;
using ActivityWatch.Monitoring.Alerts;
using ActivityWatch.Monitoring.Detections;
using ActivityWatch.Monitoring.Detections.Reading;
using ActivityWatch.Monitoring.Records;

namespace ActivityWatch.Anomalies.Live;

/// <summary>An anomaly as a detection hit for the alert raiser: rule ml.unusual-activity.</summary>
public static class UnusualActivityHit
{
    public const string RuleId = "ml.unusual-activity";

    public static DetectionHit From(ActivityRecorded record, ScoredActivity scored, DateTimeOffset? appendedAt) => new()
    {
        RuleId = RuleId,
        Title = $"Unusual activity for {AnomalyExplanation.ShortName(record.Principal)}",
        // Twice the threshold is far outside anything the principal's history explains.
        Severity = scored.Score >= 2 * scored.Threshold ? Severity.High : Severity.Medium,
        Mitre = Techniques(scored),
        Principal = record.Principal,
        AccountId = record.AccountId,
        SourceIp = record.SourceIp,
        EventIds = [RecordFields.EvidenceId(record)],
        FirstSeen = record.EventTime,
        LastSeen = record.EventTime,
        Explanation = $"{scored.Explanation} (anomaly score {scored.Score:0.00}, threshold {scored.Threshold:0.00})",
        RecordAppendedAt = appendedAt,
    };

    /// <summary>MITRE ATT&amp;CK techniques the reasons point at; Valid Accounts underlies them all.</summary>
    private static IReadOnlyList<string> Techniques(ScoredActivity scored)
    {
        var techniques = new List<string> { "T1078.004" };
        foreach (var feature in scored.TopFeatures)
        {
            var technique = feature switch
            {
                FeatureNames.ApiFirstSensitive or FeatureNames.AccessLevel => scored.Facts.EventName is "StopLogging" or "DeleteTrail" or "PutEventSelectors" or "UpdateTrail"
                    ? "T1562.008" : "T1098",
                FeatureNames.ApiNewInWindow or FeatureNames.ErrorBurst or FeatureNames.ErrorDistinctMessages => "T1580",
                FeatureNames.RoleNewAssumer => "T1550.001",
                FeatureNames.ResourceNewInWindow or FeatureNames.RateBurst => scored.Facts.Action.StartsWith("s3:", StringComparison.Ordinal) ? "T1530" : "T1555.006",
                _ => null,
            };
            if (technique is not null && !techniques.Contains(technique)) techniques.Add(technique);
        }
        return techniques;
    }
}
