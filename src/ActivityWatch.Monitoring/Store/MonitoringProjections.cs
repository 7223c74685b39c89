using ActivityWatch.Monitoring.Permissions;
using ActivityWatch.Monitoring.Posture;
using Marten;

namespace ActivityWatch.Monitoring.Store;

/// <summary>
/// Every projection ActivityWatch runs. They are Async: they run under the async daemon (HotCold
/// across nodes), never inline on the ingest path. The views that fold log records share one
/// composite shard, so each page of records is read and deserialised once for all of them
/// rather than once per view: on a record-heavy store that read, and the garbage it makes,
/// is most of a projection's cost.
/// </summary>
public static class MonitoringProjections
{
    public const string ActivityViews = "ActivityViews";

    public static void Register(StoreOptions options)
    {
        // Root usage, MFA posture, access key inventory and last-used permissions. The rule
        // detections and the anomaly scorer join the same composite where their services are
        // registered (AddActivityWatchAlerts, AddActivityWatchDetection).
        PermissionsStore.Register(options);
        options.Projections.CompositeProjectionFor(ActivityViews, views =>
        {
            views.Options.BatchSize = 5_000;
            PostureProjections.Register(views);
            PermissionsStore.RegisterProjection(views, options.Events.DatabaseSchemaName);
        });
    }
}
