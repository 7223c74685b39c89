namespace ActivityWatch.Monitoring.Permissions.Granted;

/// <summary>A user of the snapshot. PasswordLastUsed is present when the file was merged with list-users output.</summary>
public sealed record IamUserDetail(
    string Arn,
    string Name,
    DateTimeOffset? CreateDate,
    IReadOnlyList<string> Groups,
    IReadOnlyList<string> AttachedPolicyArns,
    IReadOnlyDictionary<string, string> InlinePolicies,
    DateTimeOffset? PasswordLastUsed = null);
