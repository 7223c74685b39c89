using ActivityWatch.Monitoring.Alerts;
using ActivityWatch.Monitoring.Alerts.Raising;
using ActivityWatch.Monitoring.Detections;
using Marten;

namespace ActivityWatch.Monitoring.Integrity;

/// <summary>
/// Raises integrity findings as <c>cloudtrail.log-integrity</c> alerts through the alert mechanism,
/// outside the rule catalogue like credential hygiene: the principal is the trail, so the findings
/// of one trail within the alert window gather on one alert; the evidence id names the finding, so
/// raising again (a round repeated after a crash) adds nothing.
/// </summary>
public static class IntegrityAlerts
{
    public const string RuleId = "cloudtrail.log-integrity";
    public const string Title = "CloudTrail log file integrity: a log file or digest is missing, modified or added, or the digest chain is broken";

    /// <summary>CIS AWS Foundations asks for log file validation (3.2 in v1.x-v3); MITRE: stored data manipulation, indicator removal.</summary>
    public static readonly IReadOnlyList<string> Cis = ["3.2"];
    public static readonly IReadOnlyList<string> Mitre = ["T1565.001", "T1070"];

    public static async Task<(int Raised, int Updated)> RaiseAsync(
        IDocumentSession session, AlertRaiser raiser, IReadOnlyList<IntegrityFinding> findings, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (findings.Count == 0) return (0, 0);
        var batch = await raiser.BeginAsync(session, cancellationToken);
        foreach (var finding in findings.OrderBy(f => f.OccurredAt ?? now))
        {
            await batch.RaiseOrUpdateAsync(new DetectionHit
            {
                RuleId = RuleId,
                Title = Title,
                Severity = Severity.High,
                Cis = Cis,
                Mitre = Mitre,
                Principal = finding.TrailArn,
                AccountId = finding.AccountId,
                EventIds = [EvidenceId(finding)],
                FirstSeen = finding.OccurredAt ?? now,
                LastSeen = finding.OccurredAt ?? now,
                Explanation = $"{finding.Kind}: {finding.Detail}",
            }, cancellationToken);
        }
        return (batch.Raised, batch.Updated);
    }

    public static string EvidenceId(IntegrityFinding finding) => $"integrity:{finding.Id}";
}
