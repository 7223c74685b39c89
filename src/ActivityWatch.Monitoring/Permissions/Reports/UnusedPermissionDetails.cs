namespace ActivityWatch.Monitoring.Permissions.Reports;

/// <summary>Access Analyzer's UnusedPermissionDetails: the service, its unused actions, and the service's last access.</summary>
public sealed record UnusedPermissionDetails(string ServiceNamespace, DateTimeOffset? LastAccessed, IReadOnlyList<UnusedAction> Actions);
