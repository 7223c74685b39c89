namespace ActivityWatch.Monitoring.Permissions.Reports;

/// <summary>`permissions report`: what a principal may do, grouped by service and access level, each used or unused.</summary>
public sealed record PermissionReport(
    string Principal,
    string? AccountId,
    DateTimeOffset AsOf,
    DateTimeOffset? SnapshotAt,
    int UnusedDays,
    string Catalog,
    string Scope,
    IReadOnlyList<ServiceSummary> Services,
    IReadOnlyList<string> UnusedServices,
    IReadOnlyList<string> UsedButNotGranted,
    IReadOnlyList<string> UnexpandedPatterns,
    IReadOnlyList<string> Notes);
