namespace ActivityWatch.Monitoring.Permissions.Hygiene;

/// <summary>A credential hygiene finding: rotate, remove unnecessary, never share, use roles.</summary>
public sealed record HygieneFinding(
    string RuleId,
    string Title,
    string Severity,
    string Principal,
    string Credential,
    DateTimeOffset? LastUsed,
    DateTimeOffset? Since,
    string Explanation,
    IReadOnlyList<string> Cis);
