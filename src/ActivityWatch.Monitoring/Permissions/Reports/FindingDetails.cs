using System.Text.Json.Serialization;

namespace ActivityWatch.Monitoring.Permissions.Reports;

/// <summary>Access Analyzer's FindingDetails union: exactly one member is set.</summary>
public sealed record FindingDetails
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public UnusedPermissionDetails? UnusedPermissionDetails { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public UnusedLastAccessed? UnusedIamRoleDetails { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public UnusedAccessKeyDetails? UnusedIamUserAccessKeyDetails { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public UnusedLastAccessed? UnusedIamUserPasswordDetails { get; init; }
}
