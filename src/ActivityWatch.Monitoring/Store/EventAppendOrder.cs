using Marten;
using Npgsql;

namespace ActivityWatch.Monitoring.Store;

/// <summary>
/// Makes the event sequence's order the order in which appends commit. Every session that appends
/// events takes one transaction-scoped advisory lock per event store (schema) before Marten draws
/// its sequence numbers, and holds it until the transaction ends.
/// </summary>
/// <remarks>
/// Why: the async daemon, the live alert feed and <c>activitywatch verify</c> read events in sequence
/// order. PostgreSQL hands out sequence numbers when an append runs, not when it commits, so two
/// appends at once (two ingest writers, two nodes, an alert raised during an ingest) can commit out of
/// order: a reader then sees a hole that a slower transaction fills later. Marten's daemon has to guess
/// whether such a hole will ever fill and, on this workload, sometimes skipped events that then
/// committed into it (issue 12: views lost up to a fifth of some counts). With appends serialised, a
/// reader that sees sequence N knows every number below N is committed or rolled back for good, so
/// nothing can fill a hole later and no guess is needed. The lock covers only the append and the
/// commit; the ingest's timeline inserts, parsing and reads still run in parallel.
/// Marten's own commit retries are switched off in <see cref="StoreConfiguration"/>: a retry on a
/// fresh transaction would append without this lock. Callers retry whole units of work instead.
/// </remarks>
public sealed class EventAppendOrder(string schema) : DocumentSessionListenerBase
{
    // pg_advisory_xact_lock(int, int): the two-key form never collides with Marten's own advisory
    // locks (the daemon's leadership locks use the single bigint key) nor with ActivityWatch's other
    // two-key classes (0x4157_0001 webhook deliveries, 0x4157_0002 retro-hunts).
    private const int LockClass = 0x4157_0100;
    private readonly int _lockKey = StableHash(schema);

    public override async Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
    {
        if (session.PendingChanges.Streams().Count == 0) return;
        // A session on a caller's transaction (the write path) is already in it; any other starts one
        // here, which Marten then commits after the append.
        await session.BeginTransactionAsync(token);
        await using var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@class, @key)", session.Connection);
        command.Parameters.AddWithValue("class", LockClass);
        command.Parameters.AddWithValue("key", _lockKey);
        await command.ExecuteNonQueryAsync(token);
    }

    /// <summary>FNV-1a of the schema name: the same key in every process, whatever its runtime.</summary>
    private static int StableHash(string text)
    {
        unchecked
        {
            var hash = (int)2166136261;
            foreach (var c in text) hash = (hash ^ c) * 16777619;
            return hash;
        }
    }
}
