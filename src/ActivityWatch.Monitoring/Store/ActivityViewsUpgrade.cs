using Marten;
using Marten.Schema;
using Microsoft.Extensions.Options;

namespace ActivityWatch.Monitoring.Store;

/// <summary>
/// Carries a store written before the record views, detections and ML scoring shared the
/// <see cref="MonitoringProjections.ActivityViews"/> composite over to it. Without this the
/// composite starts at sequence 0 on such a store and fails on every page, as its members' own
/// progress rows already exist. Runs at start-up, before the daemon, and does nothing on a new
/// store or one already carried over. Upgrade after the old version has caught up (its shards
/// all at the same point): the composite starts at the lowest of them.
/// </summary>
public sealed class ActivityViewsUpgrade(IOptions<PostgresOptions> postgres) : IInitialData
{
    public async Task Populate(IDocumentStore store, CancellationToken cancellation)
    {
        var progression = MartenTables.Progression(postgres.Value.Schema);
        await using var session = store.LightweightSession();
        session.QueueSqlCommand($"""
            INSERT INTO {progression} (name, last_seq_id, last_updated)
            SELECT '{MartenTables.ShardProgress(MonitoringProjections.ActivityViews)}', min(last_seq_id), now() FROM {progression}
             WHERE name IN ('RootUsage:All', 'MfaPosture:All', 'AccessKeyUsage:All', 'PermissionUse:All', 'Alerts:All', 'AnomalyScoring:All')
            HAVING count(*) > 0
            ON CONFLICT (name) DO NOTHING
            """);
        // Members whose names changed with the move: the last-used projection and the rule detections.
        foreach (var (before, after) in new[] { ("PermissionUse:All", "PermissionUseProjection:All"), ("Alerts:All", "AlertDetection:All") })
        {
            session.QueueSqlCommand($"""
                UPDATE {progression} SET name = '{after}'
                 WHERE name = '{before}' AND NOT EXISTS (SELECT 1 FROM {progression} WHERE name = '{after}')
                """);
        }
        await session.SaveChangesAsync(cancellation);
    }
}
