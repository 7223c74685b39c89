using Marten;
using Marten.Events;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ActivityWatch.Monitoring.Store;

/// <summary>
/// Waits until every projection and subscription has processed every event, including the
/// events they append themselves (a detection appends alert events, which delivery then
/// publishes): it waits again until the newest event sequence stops moving. A store with no
/// events has nothing to catch up (Marten's wait treats that as a timeout).
/// </summary>
public sealed class CatchUp(IDocumentStore store, NpgsqlDataSource dataSource, IOptions<PostgresOptions> postgres)
{
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        var newest = await NewestSequenceAsync(cancellationToken);
        if (newest == 0) return;
        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero) throw new TimeoutException($"Projections did not catch up within {timeout}.");
            await store.WaitForNonStaleProjectionDataAsync(left);
            var after = await NewestSequenceAsync(cancellationToken);
            if (after == newest) return;
            newest = after;
        }
    }

    private async Task<long> NewestSequenceAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT coalesce(max(seq_id), 0) FROM {MartenTables.Events(postgres.Value.Schema)}");
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
