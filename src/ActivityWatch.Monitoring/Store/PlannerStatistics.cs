using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ActivityWatch.Monitoring.Store;

/// <summary>
/// Keeps PostgreSQL's statistics on the event table current while an ingest grows it. The async
/// daemon reads events a page at a time (those after its position, in sequence order, 5,000 at a
/// time). While the planner believes the range holds a few hundred events (the table was never
/// analyzed, or it has grown past the statistics) it reads, joins and sorts every event after the
/// position for each page instead of walking the sequence index: 277 ms instead of 15 ms a page on
/// 189k events, and worse the further the daemon is behind. Autovacuum analyzes at most once a
/// minute and after 10% growth; this analyzes as soon as this process has appended as many events
/// as the table held at its last analysis (at 20k, 40k, 80k, ...), a few times per ingest.
/// </summary>
public sealed class PlannerStatistics(NpgsqlDataSource dataSource, IOptions<PostgresOptions> postgres, ILogger<PlannerStatistics> logger)
{
    public const long Minimum = 20_000;

    private readonly SemaphoreSlim _analyzing = new(1, 1);
    private long _appended;
    private long _threshold = -1;

    /// <summary>Called after each commit with the number of events it appended. Never throws: the commit has happened.</summary>
    public async Task AppendedAsync(int events, CancellationToken cancellationToken)
    {
        if (events == 0) return;
        var appended = Interlocked.Add(ref _appended, events);
        var threshold = Volatile.Read(ref _threshold);
        if (threshold >= 0 && appended < threshold) return;
        // One analysis at a time; a writer that finds one running goes on with its work.
        if (!_analyzing.Wait(0)) return;
        try
        {
            if (_threshold < 0) Volatile.Write(ref _threshold, await ThresholdAsync(cancellationToken));
            if (Volatile.Read(ref _appended) < _threshold) return;
            var schema = postgres.Value.Schema;
            await using (var analyze = dataSource.CreateCommand($"ANALYZE {MartenTables.Events(schema)} (seq_id, stream_id, is_archived), {MartenTables.Streams(schema)}"))
            {
                await analyze.ExecuteNonQueryAsync(cancellationToken);
            }
            Interlocked.Exchange(ref _appended, 0);
            Volatile.Write(ref _threshold, await ThresholdAsync(cancellationToken));
        }
        catch (Exception e)
        {
            // Autovacuum still analyzes the table, only later. A refusal (not the table's owner, say)
            // stands for the life of the process; a dropped connection or a cancellation does not.
            if (e is not OperationCanceledException) logger.LogWarning("Could not analyze the event table ({Message}); leaving it to autovacuum", e.Message);
            if (e is PostgresException) Volatile.Write(ref _threshold, long.MaxValue);
        }
        finally
        {
            _analyzing.Release();
        }
    }

    /// <summary>The events the table held at its last analysis (reltuples is -1 before the first), and at least <see cref="Minimum"/>.</summary>
    private async Task<long> ThresholdAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"SELECT reltuples::bigint FROM pg_class WHERE oid = to_regclass('{MartenTables.Events(postgres.Value.Schema)}')");
        return Math.Max(Minimum, await command.ExecuteScalarAsync(cancellationToken) as long? ?? 0);
    }
}
