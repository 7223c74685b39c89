using System.Text.Json;
using ActivityWatch.Monitoring.Store;
using Marten;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ActivityWatch.Monitoring.Alerts;

/// <summary>
/// The alert events in the event store, in sequence order: what every process appended (the
/// live detections, the ML scorer, analysts on any node), readable from a sequence number on.
/// </summary>
public sealed class AlertEventLog(IDocumentStore store, NpgsqlDataSource dataSource, IOptions<PostgresOptions> postgres)
{
    private readonly string _events = MartenTables.Events(postgres.Value.Schema);

    /// <summary>
    /// Marten's names of every event type in the alerts namespace (raised, updated, acknowledged, ...):
    /// registered when the store is configured, so worked out once rather than on every read.
    /// </summary>
    private readonly Lazy<string[]> _alertEventTypes = new(() => store.Options.Events.AllKnownEventTypes()
        .Where(t => t.EventType.Namespace == typeof(AlertRaised).Namespace)
        .Select(t => t.EventTypeName)
        .ToArray());

    /// <summary>The store's newest sequence number (any event), 0 when it is empty.</summary>
    public async Task<long> LatestSequenceAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT coalesce(max(seq_id), 0) FROM {_events}");
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>The alert events after <paramref name="after"/>, in order, at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<StoredAlertEvent>> ReadAfterAsync(long after, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT seq_id, type, stream_id, timestamp, data::text
            FROM {_events}
            WHERE seq_id > @after AND type = ANY(@types)
            ORDER BY seq_id
            LIMIT @limit
            """);
        command.Parameters.Add(new NpgsqlParameter<long>("after", after));
        command.Parameters.Add(new NpgsqlParameter<string[]>("types", _alertEventTypes.Value));
        command.Parameters.Add(new NpgsqlParameter<int>("limit", limit));
        var changes = new List<StoredAlertEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            using var data = JsonDocument.Parse(reader.GetString(4));
            changes.Add(new StoredAlertEvent(reader.GetInt64(0), reader.GetString(1), reader.GetString(2),
                reader.GetFieldValue<DateTimeOffset>(3), data.RootElement.Clone()));
        }
        return changes;
    }
}
