using System.Diagnostics;
using ActivityWatch.Monitoring.Alerts.Raising;
using ActivityWatch.Monitoring.Audit;
using ActivityWatch.Monitoring.Detections;
using ActivityWatch.Monitoring.Detections.Evaluation;
using ActivityWatch.Monitoring.Records;
using ActivityWatch.Monitoring.Store;
using ActivityWatch.Monitoring.Timeline;
using Marten;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace ActivityWatch.Monitoring.Alerts.Replay;

/// <summary>
/// Retro-hunt: runs one rule over stored history in eventTime order, a page at a time (keyset
/// pagination over the timeline index, joined to the events), and raises what it finds through the
/// same alert path as live evaluation. Evidence sets and deterministic alert ids make a replay
/// after live evaluation, or a second replay, add nothing twice.
/// </summary>
public sealed class RuleReplayer(IDocumentStore store, NpgsqlDataSource dataSource, IOptions<PostgresOptions> postgres,
    IOptions<DetectionOptions> options, AlertRaiser raiser, TimeProvider time)
{
    public const int PageSize = 1000;

    public Task<ReplaySummary> ReplayAsync(DetectionRule rule, DateTimeOffset? since, DateTimeOffset? until, CancellationToken cancellationToken) =>
        ReplayAsync(rule, since, until, null, cancellationToken);

    /// <summary>
    /// With <paramref name="audit"/>, its entry (the rule and the window) commits in the transaction
    /// of the first page, so no alert the replay raises or updates is ever stored without it; a
    /// replay that reads nothing records it alone. Pages commit one by one: a replay of years of
    /// history in one transaction would hold the alerts' streams against live detection meanwhile.
    /// </summary>
    public async Task<ReplaySummary> ReplayAsync(
        DetectionRule rule, DateTimeOffset? since, DateTimeOffset? until, AuditedAction? audit, CancellationToken cancellationToken)
    {
        var auditEntry = audit?.Entry($"rule/{rule.Id}", $"{since:o}..{until:o}", time.GetUtcNow());
        var stopwatch = Stopwatch.StartNew();
        var evaluator = new RuleEvaluator([rule]);
        DetectionRun? run = null;
        long records = 0;
        int raised = 0, updated = 0, failed = 0;
        var cursor = (Time: since ?? DateTimeOffset.MinValue, Id: Guid.Empty);

        while (true)
        {
            var page = await ReadPageAsync(rule, cursor, until, cancellationToken);
            if (page.Count == 0) break;
            await using var session = store.LightweightSession();
            if (auditEntry is not null) AuditTrail.Append(session, auditEntry);
            auditEntry = null;
            run ??= await DetectionRun.StartAsync(session, evaluator, options.Value, persistent: false, cancellationToken);
            var alerts = await raiser.BeginAsync(session, cancellationToken);
            foreach (var (json, appendedAt, _, _) in page)
            {
                var record = EventBodies.Record(json);
                // A record the rule cannot read is counted, not fatal: hostile history must not stop a retro-hunt.
                await run.ProcessAsync(alerts, session, record, appendedAt, cancellationToken, (_, _) => failed++);
            }
            await session.SaveChangesAsync(cancellationToken);
            records += page.Count;
            raised += alerts.Raised;
            updated += alerts.Updated;
            cursor = (page[^1].EventTime, page[^1].EventId);
            if (page.Count < PageSize) break;
        }
        if (auditEntry is not null)
        {
            await using var session = store.LightweightSession();
            AuditTrail.Append(session, auditEntry);
            await session.SaveChangesAsync(cancellationToken);
        }
        return new ReplaySummary(rule.Id, records, run?.Hits ?? 0, raised, updated, stopwatch.Elapsed.TotalSeconds, failed);
    }

    private async Task<List<(byte[] Json, DateTimeOffset AppendedAt, DateTimeOffset EventTime, Guid EventId)>> ReadPageAsync(
        DetectionRule rule, (DateTimeOffset Time, Guid Id) after, DateTimeOffset? until, CancellationToken cancellationToken)
    {
        var schema = postgres.Value.Schema;
        var names = rule.EventNames is null ? "" : "AND t.event_name = ANY(@names)";
        var sql = $"""
            SELECT {EventBodies.Utf8("e")}, e.timestamp, t.event_time, t.event_id
            FROM {TimelineTable.JoinedToEvents(schema)}
            WHERE t.source = ANY(@sources) AND (t.event_time, t.event_id) > (@after_time, @after_id)
              AND (@until::timestamptz IS NULL OR t.event_time < @until) {names}
            ORDER BY t.event_time, t.event_id
            LIMIT {PageSize}
            """;
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("sources", LogSources.CloudTrailSources.ToArray());
        command.Parameters.AddWithValue("after_time", after.Time == DateTimeOffset.MinValue ? DateTime.UnixEpoch : after.Time.UtcDateTime);
        command.Parameters.AddWithValue("after_id", after.Id);
        command.Parameters.Add(new NpgsqlParameter("until", NpgsqlDbType.TimestampTz) { Value = (object?)until?.UtcDateTime ?? DBNull.Value });
        if (rule.EventNames is not null) command.Parameters.Add(new NpgsqlParameter("names", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = rule.EventNames.ToArray() });
        var page = new List<(byte[], DateTimeOffset, DateTimeOffset, Guid)>(PageSize);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            page.Add((reader.GetFieldValue<byte[]>(0),
                reader.GetFieldValue<DateTimeOffset>(1), reader.GetFieldValue<DateTimeOffset>(2), reader.GetGuid(3)));
        }
        return page;
    }
}
