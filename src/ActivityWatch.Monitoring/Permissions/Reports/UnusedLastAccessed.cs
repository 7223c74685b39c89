namespace ActivityWatch.Monitoring.Permissions.Reports;

/// <summary>UnusedIamRoleDetails and UnusedIamUserPasswordDetails: only when last used, null for never (in the logs).</summary>
public sealed record UnusedLastAccessed(DateTimeOffset? LastAccessed);
