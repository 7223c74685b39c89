using System.Text.Json;

namespace ActivityWatch.Monitoring.Permissions.Policies;

/// <summary>
/// A statement that limits where or when an action applies (Resource, NotResource, Condition),
/// or a Deny that only applies sometimes. Reported as written: ActivityWatch does not decide it.
/// </summary>
public sealed record StatementConstraint(
    string PolicySource,
    string? Sid,
    string Effect,
    IReadOnlyList<string> Resources,
    IReadOnlyList<string> NotResources,
    JsonElement? Condition);
