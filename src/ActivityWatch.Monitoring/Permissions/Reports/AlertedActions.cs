using ActivityWatch.Monitoring.Alerts;
using ActivityWatch.Monitoring.Permissions.Actions;
using ActivityWatch.Monitoring.Permissions.LastUsed;
using ActivityWatch.Monitoring.Recording;
using ActivityWatch.Monitoring.Records;
using ActivityWatch.Monitoring.Store;
using ActivityWatch.Monitoring.Timeline;
using Marten;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ActivityWatch.Monitoring.Permissions.Reports;

/// <summary>
/// The used actions a generated policy must not grant by default: those whose every successful
/// call in the window is evidence of an incident, an open or acknowledged high or critical alert
/// (StopLogging, a backdoor user, AdministratorAccess attached), so the policy does not re-grant
/// the attack. An open medium alert that shares evidence with such an alert (the anomaly model
/// flagging the same calls, and the call before them) belongs to the same incident. Routine change
/// tracking (low alerts, medium ones on their own) and resolved or suppressed alerts do not count.
/// Evidence records are read back and mapped to actions as the last-used view maps them.
/// </summary>
public sealed class AlertedActions(IDocumentStore store, NpgsqlDataSource dataSource, IOptions<PostgresOptions> postgres)
{
    private readonly string _schema = postgres.Value.Schema;

    public async Task<IReadOnlyDictionary<string, LeftOutAction>> FindAsync(
        IReadOnlyCollection<string> principals, DateTimeOffset? since, IReadOnlyList<ActionUse> uses, CancellationToken cancellationToken)
    {
        var alerts = await IncidentsAsync(principals, cancellationToken);
        if (alerts.Count == 0) return new Dictionary<string, LeftOutAction>();
        var fromDay = since is null ? (DateOnly?)null : DateOnly.FromDateTime(since.Value.UtcDateTime);
        // A record may be the evidence of several alerts: it is one call all the same.
        var records = new Dictionary<string, (ActivityRecorded Record, HashSet<Alert> Alerts)>(StringComparer.Ordinal);
        foreach (var alert in alerts)
        {
            foreach (var record in await EvidenceAsync(alert, principals, cancellationToken))
            {
                if (!records.TryGetValue(record.RecordKey, out var seen)) records[record.RecordKey] = seen = (record, []);
                seen.Alerts.Add(alert);
            }
        }
        var evidence = new Dictionary<string, (long Calls, HashSet<Alert> Alerts)>(StringComparer.Ordinal);
        foreach (var (record, withAlerts) in records.Values)
        {
            // The same test the last-used view applies: refused calls are not use, so they never enter a policy anyway.
            if (UseBatch.IsDenied(record) || (fromDay is { } day && DateOnly.FromDateTime(record.EventTime.UtcDateTime) < day)) continue;
            var mapping = ActionMapper.Default.Map(record);
            if (!mapping.IsAction) continue;
            foreach (var action in mapping.Actions)
            {
                var entry = evidence.TryGetValue(action, out var found) ? found : (0, new HashSet<Alert>());
                entry.Alerts.UnionWith(withAlerts);
                evidence[action] = (entry.Calls + 1, entry.Alerts);
            }
        }
        var calls = uses.GroupBy(u => u.Action, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(u => u.Calls), StringComparer.Ordinal);
        var result = new Dictionary<string, LeftOutAction>(StringComparer.Ordinal);
        foreach (var (action, (evidenceCalls, withAlerts)) in evidence)
        {
            // Only when nothing but the incident used it: an action also used for routine work stays in the policy.
            if (!calls.TryGetValue(action, out var total) || total > evidenceCalls) continue;
            result[action] = new LeftOutAction(action, LeftOutAction.Alerted, total, withAlerts
                .OrderByDescending(a => Severity.Rank(a.Severity)).ThenBy(a => a.FirstSeen)
                .Select(a => new AlertReference(a.AlertId, a.RuleId, a.Severity, a.Status.ToString().ToLowerInvariant(), a.Title)).ToList());
        }
        return result;
    }

    private async Task<IReadOnlyList<Alert>> IncidentsAsync(IReadOnlyCollection<string> principals, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var names = principals.ToArray();
        var active = await session.Query<Alert>()
            .Where(a => names.Contains(a.Principal) && (a.Status == AlertStatus.Open || a.Status == AlertStatus.Acknowledged))
            .ToListAsync(cancellationToken);
        var incidents = active.Where(a => Severity.Rank(a.Severity) >= Severity.Rank(Severity.High)).ToList();
        var evidence = incidents.SelectMany(a => a.EventIds).ToHashSet(StringComparer.Ordinal);
        incidents.AddRange(active.Where(a => a.Severity == Severity.Medium && a.EventIds.Any(evidence.Contains)));
        return incidents;
    }

    /// <summary>The alert's evidence records: ids are CloudTrail eventIDs or S3 request ids, else record keys (see RecordFields.EvidenceId).</summary>
    private async Task<IReadOnlyList<ActivityRecorded>> EvidenceAsync(Alert alert, IReadOnlyCollection<string> principals, CancellationToken cancellationToken)
    {
        if (alert.EventIds.Count == 0) return [];
        await using var command = dataSource.CreateCommand($"""
            SELECT {EventBodies.Utf8("e")}
            FROM {TimelineTable.JoinedToEvents(_schema)}
            WHERE t.principal = ANY(@principals) AND t.event_time >= @first AND t.event_time <= @last
              AND (t.record_id = ANY(@ids) OR t.event_id = ANY(@event_ids))
            """);
        command.Parameters.AddWithValue("principals", principals.ToArray());
        command.Parameters.AddWithValue("first", alert.FirstSeen.UtcDateTime);
        command.Parameters.AddWithValue("last", alert.LastSeen.UtcDateTime);
        command.Parameters.AddWithValue("ids", alert.EventIds.ToArray());
        command.Parameters.AddWithValue("event_ids", alert.EventIds.Select(EventIds.FromRecordKey).ToArray());
        var records = new List<ActivityRecorded>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (reader.IsDBNull(0)) continue;
            records.Add(EventBodies.Record(reader.GetFieldValue<byte[]>(0)));
        }
        return records;
    }
}
