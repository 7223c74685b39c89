namespace ActivityWatch.Monitoring.Permissions.Granted;

/// <summary>A role of the snapshot. RoleLastUsed is IAM's own last-used date when the file has it.</summary>
public sealed record IamRoleDetail(
    string Arn,
    string Name,
    DateTimeOffset? CreateDate,
    string? TrustPolicy,
    IReadOnlyList<string> AttachedPolicyArns,
    IReadOnlyDictionary<string, string> InlinePolicies,
    DateTimeOffset? RoleLastUsed = null);
