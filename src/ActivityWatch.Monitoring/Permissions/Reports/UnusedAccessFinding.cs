namespace ActivityWatch.Monitoring.Permissions.Reports;

/// <summary>
/// A finding in the shape of IAM Access Analyzer's unused-access findings (GetFindingV2:
/// findingType, resource, resourceType, resourceOwnerAccount, status, findingDetails[]), so
/// tooling written for Access Analyzer can consume it. <see cref="ActivityWatch"/> is an extra
/// member such tools ignore: the ranking and where the numbers come from.
/// </summary>
public sealed record UnusedAccessFinding(
    string Id,
    string FindingType,
    string Resource,
    string ResourceType,
    string? ResourceOwnerAccount,
    string Status,
    DateTimeOffset AnalyzedAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<FindingDetails> FindingDetails,
    FindingRanking ActivityWatch)
{
    public const string UnusedPermission = "UnusedPermission";
    public const string UnusedIamRole = "UnusedIAMRole";
    public const string UnusedIamUserAccessKey = "UnusedIAMUserAccessKey";
    public const string UnusedIamUserPassword = "UnusedIAMUserPassword";
}
