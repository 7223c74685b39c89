using ActivityWatch.Monitoring.Store;
using ActivityWatch.Monitoring.Timeline;
using Marten;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ActivityWatch.Monitoring.Checkpoints;

/// <summary>Checkpoint totals and the timeline's newest record, for the ingestion page.</summary>
public sealed class IngestionQueries(IDocumentStore store, NpgsqlDataSource dataSource, IOptions<PostgresOptions> postgres, TimeProvider time)
{
    public async Task<IngestionTotals> TotalsAsync(CancellationToken cancellationToken)
    {
        var schema = postgres.Value.Schema;
        var checkpoints = store.Options.Schema.For<SourceCheckpoint>();
        await using var command = dataSource.CreateCommand($"""
            SELECT count(*), count(*) FILTER (WHERE (c.data ->> 'completed')::boolean),
                   coalesce(sum((c.data ->> 'recordsRead')::bigint), 0), coalesce(sum((c.data ->> 'ingested')::bigint), 0),
                   coalesce(sum((c.data ->> 'duplicates')::bigint), 0), coalesce(sum((c.data ->> 'rejected')::bigint), 0),
                   max(c.mt_last_modified),
                   (SELECT max(t.event_time) FROM {schema}.{TimelineTable.Name} t)
            FROM {checkpoints} c
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        DateTimeOffset? newest = reader.IsDBNull(7) ? null : new DateTimeOffset(reader.GetDateTime(7), TimeSpan.Zero);
        DateTimeOffset? lastCheckpoint = reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6);
        return new IngestionTotals(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5),
            newest, newest is { } n ? (time.GetUtcNow() - n).TotalSeconds : null, lastCheckpoint);
    }

    public async Task<IReadOnlyList<SourceCheckpoint>> RecentObjectsAsync(int limit, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        return await session.Query<SourceCheckpoint>().OrderByDescending(c => c.UpdatedAt).Take(limit).ToListAsync(cancellationToken);
    }
}
