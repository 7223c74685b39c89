using ActivityWatch.Monitoring.Store;
using Marten;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ActivityWatch.Monitoring.LivePath;

/// <summary>Reads where the live path stands, for `status`, the API and the console.</summary>
public sealed class LivePathQueries(IDocumentStore store, NpgsqlDataSource dataSource, IOptions<PostgresOptions> postgres)
{
    public async Task<LivePathStatus> StatusAsync(int failures, CancellationToken cancellationToken)
    {
        var schema = postgres.Value.Schema;
        await using var command = dataSource.CreateCommand($"""
            SELECT coalesce((SELECT last_seq_id FROM {MartenTables.Progression(schema)} WHERE name = '{MartenTables.ShardProgress(MonitoringProjections.ActivityViews)}'), 0),
                   coalesce((SELECT max(seq_id) FROM {MartenTables.Events(schema)}), 0)
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var (processed, newest) = (reader.GetInt64(0), reader.GetInt64(1));
        await using var session = store.QuerySession();
        var count = await session.Query<ProjectionFailure>().CountAsync(cancellationToken);
        var recent = await session.Query<ProjectionFailure>().OrderByDescending(f => f.Sequence).Take(failures).ToListAsync(cancellationToken);
        return new LivePathStatus(processed, newest, count, recent);
    }
}
