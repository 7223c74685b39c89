using ActivityWatch.Monitoring.Alerts.Raising;
using ActivityWatch.Monitoring.Detections;
using ActivityWatch.Monitoring.Records;
using Marten;

namespace ActivityWatch.Monitoring.Permissions.Hygiene;

/// <summary>
/// Raises hygiene findings as alerts through the alert mechanism: a finding joins the open alert
/// of its rule and principal (so running the check daily updates alerts instead of repeating
/// them), or opens one. The evidence is aggregate use, not single records: its id names the
/// rule, the credential and the day of the use it rests on, so re-running on the same logs adds
/// nothing and new use adds evidence to the open alert.
/// </summary>
public sealed class HygieneAlerts(IDocumentStore store, AlertRaiser raiser, TimeProvider time)
{
    public async Task<(int Raised, int Updated)> RaiseAsync(IReadOnlyList<HygieneFinding> findings, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        var batch = await raiser.BeginAsync(session, cancellationToken);
        var now = time.GetUtcNow();
        foreach (var finding in findings)
        {
            await batch.RaiseOrUpdateAsync(new DetectionHit
            {
                RuleId = finding.RuleId,
                Title = finding.Title,
                Severity = finding.Severity,
                Cis = finding.Cis,
                Principal = finding.Principal,
                AccountId = Principals.AccountOf(finding.Principal),
                EventIds = [$"hygiene:{finding.RuleId}:{finding.Credential}:{finding.LastUsed ?? finding.Since:yyyy-MM-ddTHH}"],
                FirstSeen = finding.Since ?? finding.LastUsed ?? now,
                LastSeen = finding.LastUsed ?? now,
                Explanation = $"{finding.Credential}: {finding.Explanation}",
            }, cancellationToken);
        }
        await session.SaveChangesAsync(cancellationToken);
        return (batch.Raised, batch.Updated);
    }
}
