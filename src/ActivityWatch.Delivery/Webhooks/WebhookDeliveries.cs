using Marten;
using Marten.Services;
using Npgsql;

namespace ActivityWatch.Delivery.Webhooks;

/// <summary>
/// Posts an alert version to a webhook at most once across processes: under a transaction-scoped
/// advisory lock on (webhook, alert), it skips versions at or below the one recorded, posts, and
/// records the version in the same transaction. A crash between the post and the commit can
/// still post twice (at-least-once), never zero times.
/// </summary>
public sealed class WebhookDeliveries(IDocumentStore store, NpgsqlDataSource dataSource, TimeProvider time)
{
    // The two-int advisory lock space does not overlap the bigint one Marten's daemon uses.
    private const int LockClass = 0x41570001;

    /// <returns>False when this or a newer version was already delivered.</returns>
    public async Task<bool> DeliverOnceAsync(string webhook, Guid alertId, long version, Func<CancellationToken, Task> post, CancellationToken cancellationToken)
    {
        var id = WebhookDelivery.IdFor(webhook, alertId);
        // The delivery table is created (or migrated) before the lock is taken, never inside the
        // transaction: DDL there waits on another process's transaction that waits on our lock.
        await store.Storage.Database.EnsureStorageExistsAsync(typeof(WebhookDelivery), cancellationToken);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@class, hashtext(@id))", connection, transaction))
        {
            command.Parameters.AddWithValue("class", LockClass);
            command.Parameters.AddWithValue("id", id);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var session = store.LightweightSession(SessionOptions.ForTransaction(transaction));
        var delivered = await session.LoadAsync<WebhookDelivery>(id, cancellationToken);
        if (delivered is not null && delivered.Version >= version) return false;

        await post(cancellationToken);
        session.Store(new WebhookDelivery { Id = id, Webhook = webhook, AlertId = alertId, Version = version, DeliveredAt = time.GetUtcNow() });
        await session.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<WebhookDelivery?> FindAsync(string webhook, Guid alertId, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        return await session.LoadAsync<WebhookDelivery>(WebhookDelivery.IdFor(webhook, alertId), cancellationToken);
    }
}
