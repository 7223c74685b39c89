namespace ActivityWatch.Monitoring.Permissions.Roles;

/// <summary>
/// Every role known from CloudTrail and IAM imports, by account and role name (unique in an IAM
/// account at any one time), to resolve a role an access log names without its path. Built at
/// read time from stored views and events, never from "what has been seen so far", so the answer
/// depends only on what is stored, not on the order records arrived in. A name that two ARNs
/// have had (a role deleted and created again under another path) resolves to the one known
/// latest, the ordinal first on a tie.
/// </summary>
public sealed class RoleDirectory
{
    private readonly Dictionary<(string Partition, string Account, string Name), RoleCandidate> _byName = new();

    public RoleDirectory(IEnumerable<RoleCandidate> candidates)
    {
        foreach (var candidate in candidates)
        {
            if (!RoleArn.TryParse(candidate.Arn, out var role)) continue;
            var key = (role.Partition, role.Account, role.Name);
            if (!_byName.TryGetValue(key, out var current) || Better(candidate, current)) _byName[key] = candidate;
        }
    }

    public static RoleDirectory Empty { get; } = new([]);

    public int Count => _byName.Count;

    /// <summary>The principal to show and count under, and how it was arrived at.</summary>
    public (string Principal, PrincipalForm Form) Resolve(string principal)
    {
        if (!RoleArn.TryParse(principal, out var role) || role.HasPath) return (principal, PrincipalForm.Exact);
        return _byName.TryGetValue((role.Partition, role.Account, role.Name), out var known)
            ? (known.Arn, known.Arn == principal ? PrincipalForm.Exact : PrincipalForm.Resolved)
            : (principal, PrincipalForm.Unresolved);
    }

    /// <summary>Every logged form that resolves to <paramref name="principal"/> (itself first): what a query for it must read.</summary>
    public IReadOnlyList<string> Aliases(string principal)
    {
        var resolved = Resolve(principal).Principal;
        var aliases = new List<string> { resolved };
        if (RoleArn.TryParse(resolved, out var role) && role.HasPath && Resolve(role.Pathless).Principal == resolved) aliases.Add(role.Pathless);
        if (principal != resolved && !aliases.Contains(principal)) aliases.Add(principal);
        return aliases;
    }

    /// <summary>Every logged form that differs from the role it resolves to: (as logged, role ARN), for queries that group by principal.</summary>
    public IReadOnlyList<(string Logged, string Arn)> Mappings =>
        _byName.Values.Select(c => RoleArn.TryParse(c.Arn, out var role) ? (role.Pathless, c.Arn) : (c.Arn, c.Arn))
            .Where(m => m.Item1 != m.Item2).OrderBy(m => m.Item1, StringComparer.Ordinal).ToList();

    private static bool Better(RoleCandidate candidate, RoleCandidate current) =>
        candidate.KnownAt > current.KnownAt || (candidate.KnownAt == current.KnownAt && string.CompareOrdinal(candidate.Arn, current.Arn) < 0);
}
