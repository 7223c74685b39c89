using ActivityWatch.Monitoring.Permissions.Catalog;

namespace ActivityWatch.Monitoring.Permissions.Policies;

/// <summary>An action a principal's identity policies allow, with the statements that constrain it.</summary>
public sealed record GrantedAction(ActionInfo Info, IReadOnlyList<StatementConstraint> Constraints)
{
    public string Action => Info.Action;
}
