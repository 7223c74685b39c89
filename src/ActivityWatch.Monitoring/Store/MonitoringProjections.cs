using ActivityWatch.Monitoring.Posture;
using Marten;

namespace ActivityWatch.Monitoring.Store;

/// <summary>
/// Every projection and subscription ActivityWatch runs, with its lifecycle. Multi-stream
/// projections are Async: they run under the async daemon (HotCold across nodes), never inline
/// on the ingest path.
/// </summary>
public static class MonitoringProjections
{
    public static void Register(StoreOptions options)
    {
        // Root usage, MFA posture and access key inventory (Async); the alert subscription joins in AddActivityWatchAlerts.
        PostureProjections.Register(options);
        // Last-used permissions (Async, one upsert per page) and the IAM import event.
        Permissions.PermissionsStore.Register(options);
    }
}
