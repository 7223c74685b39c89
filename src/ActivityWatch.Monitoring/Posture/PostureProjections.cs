using Marten.Events.Projections;

namespace ActivityWatch.Monitoring.Posture;

/// <summary>The posture projections (called from MonitoringProjections): multi-stream, so Async under the daemon.</summary>
public static class PostureProjections
{
    public static void Register(CompositeProjection views)
    {
        views.Add<RootUsageProjection>();
        views.Add<MfaPostureProjection>();
        views.Add<AccessKeyInventoryProjection>();
    }
}
