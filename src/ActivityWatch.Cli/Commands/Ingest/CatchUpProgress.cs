using ActivityWatch.Monitoring.Store;
using Npgsql;

namespace ActivityWatch.Cli.Commands.Ingest;

/// <summary>
/// How far the async daemon's slowest projection or subscription is behind the newest stored
/// event, read from Marten's progress table: what the progress bar shows while `ingest` waits
/// for detections and views.
/// </summary>
public sealed class CatchUpProgress(NpgsqlDataSource dataSource, string schema)
{
    public async Task<(long Processed, long Newest)> ReadAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT (SELECT coalesce(max(seq_id), 0) FROM {MartenTables.Events(schema)}),
                   (SELECT coalesce(min(last_seq_id), 0) FROM {MartenTables.Progression(schema)} WHERE name NOT LIKE 'HighWater%')
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var newest = reader.GetInt64(0);
        return (Math.Min(reader.GetInt64(1), newest), newest);
    }
}
