using JasperFx.Events.Projections;
using Marten;

namespace ActivityWatch.Monitoring.Posture;

/// <summary>The posture projections (called from MonitoringProjections): multi-stream, so Async under the daemon.</summary>
public static class PostureProjections
{
    public static void Register(StoreOptions options)
    {
        options.Projections.Add<RootUsageProjection>(ProjectionLifecycle.Async);
        options.Projections.Add<MfaPostureProjection>(ProjectionLifecycle.Async);
        options.Projections.Add<AccessKeyInventoryProjection>(ProjectionLifecycle.Async);
    }
}
