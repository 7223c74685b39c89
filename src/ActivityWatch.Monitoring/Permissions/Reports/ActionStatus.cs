using ActivityWatch.Monitoring.Permissions.Policies;

namespace ActivityWatch.Monitoring.Permissions.Reports;

/// <summary>One granted action and whether it was used within the window (LastUsed may be older than the window).</summary>
public sealed record ActionStatus(
    string Action,
    bool Used,
    DateTimeOffset? LastUsed,
    long Calls,
    string? LastRegion,
    string? LastNetwork,
    bool LevelIsHeuristic,
    IReadOnlyList<StatementConstraint> Constraints);
