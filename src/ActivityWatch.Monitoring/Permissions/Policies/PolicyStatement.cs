using System.Text.Json;

namespace ActivityWatch.Monitoring.Permissions.Policies;

/// <summary>One statement of an identity policy, as written: Action or NotAction, Resource or NotResource, Condition.</summary>
public sealed record PolicyStatement(
    string? Sid,
    bool Allow,
    IReadOnlyList<string> Actions,
    IReadOnlyList<string> NotActions,
    IReadOnlyList<string> Resources,
    IReadOnlyList<string> NotResources,
    JsonElement? Condition)
{
    /// <summary>True when the statement names this action (Action matches, or NotAction does not).</summary>
    public bool Covers(string action) =>
        NotActions.Count > 0
            ? !NotActions.Any(p => ActionPattern.Matches(p, action))
            : Actions.Any(p => ActionPattern.Matches(p, action));

    /// <summary>Resource "*" (or absent) and no Condition: applies to every request for its actions.</summary>
    public bool IsUnconstrained =>
        Condition is null && NotResources.Count == 0 && (Resources.Count == 0 || Resources.Any(r => r == "*"));
}
