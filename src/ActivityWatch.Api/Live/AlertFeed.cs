using System.Diagnostics.Metrics;
using System.Text.Json;
using ActivityWatch.Monitoring.Alerts;
using ActivityWatch.Monitoring.Store;
using Marten;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ActivityWatch.Api.Live;

/// <summary>
/// Reads alert events from the event store after a sequence number. Reading the store rather than
/// an in-process bus means an alert raised by any process (a watcher, another API node) reaches
/// every browser; the sequence is the resume point a reconnecting client sends as Last-Event-ID.
/// Every read the live streams make is this class's <see cref="ReadAfterAsync"/> (the shared poll
/// of <see cref="AlertBroadcast"/> and each stream's catch-up), counted as <c>activitywatch.live.reads</c>.
/// </summary>
public sealed class AlertFeed(IDocumentStore store, NpgsqlDataSource dataSource, IOptions<PostgresOptions> postgres, IMeterFactory meters)
{
    public const string MeterName = "ActivityWatch.Api.Live";

    private readonly string _events = MartenTables.Events(postgres.Value.Schema);
    private readonly Counter<long> _reads = meters.Create(MeterName).CreateCounter<long>("activitywatch.live.reads", description: "Reads of new alert events for live streams");

    /// <summary>
    /// Marten's names of every event type in the alerts namespace (raised, updated, acknowledged, ...):
    /// registered when the store is configured, so worked out once rather than on every poll.
    /// </summary>
    private readonly Lazy<string[]> _alertEventTypes = new(() => store.Options.Events.AllKnownEventTypes()
        .Where(t => t.EventType.Namespace == typeof(AlertRaised).Namespace)
        .Select(t => t.EventTypeName)
        .ToArray());

    public async Task<long> LatestSequenceAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT coalesce(max(seq_id), 0) FROM {_events}");
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>The alert events after <paramref name="after"/>, in order: the one query the live streams read with.</summary>
    public async Task<IReadOnlyList<AlertChange>> ReadAfterAsync(long after, int limit, CancellationToken cancellationToken)
    {
        _reads.Add(1);
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
        var changes = new List<AlertChange>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            using var data = JsonDocument.Parse(reader.GetString(4));
            changes.Add(new AlertChange(reader.GetInt64(0), reader.GetString(1), reader.GetString(2),
                reader.GetFieldValue<DateTimeOffset>(3), data.RootElement.Clone()));
        }
        return changes;
    }
}
