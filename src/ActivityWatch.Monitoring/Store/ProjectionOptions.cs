namespace ActivityWatch.Monitoring.Store;

/// <summary>Configuration section "ActivityWatch:Projections".</summary>
public sealed class ProjectionOptions
{
    public const string Section = "ActivityWatch:Projections";

    /// <summary>
    /// HotCold (default): every process may run the async daemon, one node at a time holds
    /// each projection (leader election through PostgreSQL advisory locks).
    /// Solo: this process is the only one (tests). Disabled: a query-only process.
    /// </summary>
    public DaemonRole Daemon { get; set; } = DaemonRole.HotCold;
}

public enum DaemonRole
{
    HotCold,
    Solo,
    Disabled,
}
