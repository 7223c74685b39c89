using ActivityWatch.Monitoring.Alerts.Suppressions;
using ActivityWatch.Monitoring.Detections;
using Marten;

namespace ActivityWatch.Monitoring.Alerts.Raising;

/// <summary>
/// Turns hits into alert events within one session (a daemon batch, a replay page, one ML score).
/// The alerts of each (rule, principal) are read from PostgreSQL once per batch and evolved in
/// memory as events are appended, so several hits in one batch land on the same alert.
/// Evidence ids are a set across every alert of the pair: a record seen again (re-processing,
/// replay after live) adds nothing.
/// </summary>
public sealed class AlertBatch
{
    // A pair's older alerts are long closed: evidence of a re-read record lies in the recent ones.
    private const int AlertsPerPair = 50;

    private readonly IDocumentOperations _session;
    private readonly DetectionOptions _options;
    private readonly TimeProvider _time;
    private readonly IReadOnlyList<SuppressionRule> _suppressions;
    private readonly Dictionary<(string Rule, string Principal), List<Alert>> _pairs = new();
    // Storm alerts (5.1) carry thousands of evidence ids: look them up in sets, not lists.
    private readonly Dictionary<string, HashSet<string>> _evidence = new(StringComparer.Ordinal);

    private AlertBatch(IDocumentOperations session, DetectionOptions options, TimeProvider time, IReadOnlyList<SuppressionRule> suppressions)
    {
        _session = session;
        _options = options;
        _time = time;
        _suppressions = suppressions;
    }

    public int Raised { get; private set; }
    public int Updated { get; private set; }

    public static async Task<AlertBatch> StartAsync(IDocumentOperations session, DetectionOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        var suppressions = await session.Query<SuppressionRule>().ToListAsync(cancellationToken);
        return new AlertBatch(session, options, time, suppressions);
    }

    public async Task<AlertChange?> RaiseOrUpdateAsync(DetectionHit hit, CancellationToken cancellationToken)
    {
        var alerts = await AlertsOfAsync(hit.RuleId, hit.Principal, cancellationToken);
        var newIds = hit.EventIds.Where(id => !alerts.Any(a => Evidence(a).Contains(id))).Distinct().ToList();
        if (newIds.Count == 0) return null;

        var suppression = _suppressions.FirstOrDefault(s => s.Matches(hit));
        var now = _time.GetUtcNow();
        var open = alerts
            .Where(a => a.Status != AlertStatus.Resolved && a.SuppressedBy == suppression?.Id
                        && hit.FirstSeen <= a.LastSeen + _options.AlertWindow && hit.LastSeen >= a.FirstSeen - _options.AlertWindow)
            .MaxBy(a => a.LastSeen);

        if (open is not null)
        {
            var updated = new AlertUpdated(
                open.AlertId,
                hit.LastSeen > open.LastSeen ? hit.LastSeen : open.LastSeen,
                open.Count + newIds.Count,
                newIds,
                hit.Explanation,
                now,
                FirstSeen: hit.FirstSeen < open.FirstSeen ? hit.FirstSeen : null,
                Suppressed: open.Status == AlertStatus.Suppressed,
                RecordAppendedAt: hit.RecordAppendedAt);
            AlertStreams.Append(_session, open, checkVersion: false, updated);
            Evidence(open).UnionWith(newIds);
            Updated++;
            return new AlertChange(open, Raised: false, newIds.Count);
        }

        var alertId = AlertIds.For(hit.RuleId, hit.Principal, newIds[0]);
        var raised = new AlertRaised(alertId, hit.RuleId, hit.Title, hit.Severity, hit.Cis, hit.Mitre, hit.Principal, hit.AccountId,
            hit.FirstSeen, hit.LastSeen, newIds, hit.Explanation, now, suppression?.Id, hit.RecordAppendedAt);
        var alert = suppression is null
            ? AlertStreams.Start(_session, raised)
            : AlertStreams.Start(_session, raised, new AlertSuppressed(alertId, $"suppression:{suppression.Id}", suppression.Note, now));
        alerts.Add(alert);
        Raised++;
        return new AlertChange(alert, Raised: true, newIds.Count);
    }

    private HashSet<string> Evidence(Alert alert)
    {
        if (!_evidence.TryGetValue(alert.Id, out var ids)) _evidence[alert.Id] = ids = new HashSet<string>(alert.EventIds, StringComparer.Ordinal);
        return ids;
    }

    private async Task<List<Alert>> AlertsOfAsync(string ruleId, string principal, CancellationToken cancellationToken)
    {
        if (_pairs.TryGetValue((ruleId, principal), out var alerts)) return alerts;
        var stored = await _session.Query<Alert>()
            .Where(a => a.RuleId == ruleId && a.Principal == principal)
            .OrderByDescending(a => a.LastSeen)
            .Take(AlertsPerPair)
            .ToListAsync(cancellationToken);
        alerts = [.. stored];
        _pairs[(ruleId, principal)] = alerts;
        return alerts;
    }
}
