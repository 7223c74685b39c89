using ActivityWatch.Api.Principals;
using ActivityWatch.Monitoring.Permissions.Reports;

namespace ActivityWatch.Api.Reports;

/// <summary>
/// The principal page's permissions: granted versus used per service and access level (unused
/// after 90 days). Also when nothing is known to be granted, so the page can say what is missing.
/// </summary>
public sealed class PrincipalPermissionsSection(PermissionReports reports) : IPrincipalSection
{
    public string Name => "permissions";

    public async Task<object?> LoadAsync(string principal, CancellationToken cancellationToken)
    {
        // Users, roles and root only: for them an empty report still says something (what is missing and how to get it).
        if (!principal.StartsWith("arn:", StringComparison.Ordinal) || !principal.Contains(":iam::", StringComparison.Ordinal)) return null;
        var report = await reports.ReportAsync(principal, 90, null, cancellationToken);
        return !report.GrantsKnown && report.ActionsUsed == 0 && report.Services.Count == 0 ? null : report;
    }
}
