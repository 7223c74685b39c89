namespace ActivityWatch.Monitoring.Permissions.Reports;

/// <summary>
/// `permissions report`: what a principal may do, grouped by service and access level, each used
/// or unused. <see cref="GrantsKnown"/> is false when nothing is known to be granted (no import,
/// the principal not in the IAM state): then the empty lists mean "unknown", never "all used",
/// and <see cref="Remedy"/> says how to find out. <see cref="LoggedAs"/> lists the forms the
/// logs name the principal by (a role from an S3 access log has no path).
/// </summary>
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
    IReadOnlyList<string> Notes)
{
    public string GrantsBasis { get; init; } = Reports.GrantsBasis.Unknown;
    public bool GrantsKnown { get; init; }
    public string? Remedy { get; init; }
    public IReadOnlyList<string> LoggedAs { get; init; } = [];
    public string PrincipalForm { get; init; } = "exact";

    /// <summary>Actions the principal called successfully (all time up to <see cref="AsOf"/>), granted or not.</summary>
    public int ActionsUsed { get; init; }
}
