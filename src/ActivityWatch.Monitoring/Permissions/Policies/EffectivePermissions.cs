namespace ActivityWatch.Monitoring.Permissions.Policies;

/// <summary>
/// What a principal's identity policies allow. Explicit Deny wins over Allow. Resource and
/// Condition elements are not evaluated (ActivityWatch has no request context): an action is
/// allowed when some Allow names it, and removed only by a Deny that applies unconditionally;
/// every other constraint is listed with the action.
/// </summary>
public sealed class EffectivePermissions(
    IReadOnlyList<AttachedPolicy> policies,
    IReadOnlyList<GrantedAction> granted,
    IReadOnlyList<string> unexpandedPatterns)
{
    public IReadOnlyList<AttachedPolicy> Policies { get; } = policies;

    /// <summary>The catalogue's actions that are allowed, sorted.</summary>
    public IReadOnlyList<GrantedAction> Granted { get; } = granted;

    /// <summary>Allow patterns naming services the catalogue does not list ("ec2:*" without a full catalogue).</summary>
    public IReadOnlyList<string> UnexpandedPatterns { get; } = unexpandedPatterns;

    private IEnumerable<(AttachedPolicy Policy, PolicyStatement Statement)> Statements =>
        Policies.SelectMany(p => p.Document.Statements.Select(s => (p, s)));

    /// <summary>Whether the identity policies allow the action (any action, catalogued or not).</summary>
    public bool IsAllowed(string action) =>
        Statements.Any(x => x.Statement.Allow && x.Statement.Covers(action))
        && !Statements.Any(x => !x.Statement.Allow && x.Statement.IsUnconstrained && x.Statement.Covers(action));

    /// <summary>True when an Allow statement covers every action ("*" or NotAction): the catalogue cannot list it all.</summary>
    public bool AllowsEverything => Statements.Any(x => x.Statement.Allow && x.Statement.Actions.Contains("*"));
}
