using Npgsql;

namespace ActivityWatch.Api.Rules;

/// <summary>
/// One retro-hunt at a time per caller, across every API process: a session-level PostgreSQL
/// advisory lock on the caller, held on a connection of its own while the replay runs. A replay
/// reads history a page at a time and can keep the database busy for minutes; the same caller
/// starting it again and again should wait for the first.
/// </summary>
public sealed class ReplayLocks(NpgsqlDataSource dataSource)
{
    // The two-int advisory lock space overlaps neither Marten's nor the ingest's bigint keys; 0x41570001 is webhook delivery.
    private const int LockClass = 0x41570002;

    /// <returns>The held lock (dispose to release), or null when this caller's replay is already running.</returns>
    public async Task<IAsyncDisposable?> TryTakeAsync(string caller, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@class, hashtext(@caller))", connection);
            command.Parameters.AddWithValue("class", LockClass);
            command.Parameters.AddWithValue("caller", caller);
            if ((bool)(await command.ExecuteScalarAsync(cancellationToken))!) return new Held(connection, caller);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
        await connection.DisposeAsync();
        return null;
    }

    private sealed class Held(NpgsqlConnection connection, string caller) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@class, hashtext(@caller))", connection);
                command.Parameters.AddWithValue("class", LockClass);
                command.Parameters.AddWithValue("caller", caller);
                await command.ExecuteNonQueryAsync(CancellationToken.None);
            }
            finally
            {
                // If the unlock failed on a broken connection, its session and locks are gone with it.
                await connection.DisposeAsync();
            }
        }
    }
}
