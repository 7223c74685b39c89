using ActivityWatch.Api.Principals;
using ActivityWatch.Monitoring.Permissions.Reports;

namespace ActivityWatch.Api.Reports;

/// <summary>The principal page's permissions: granted versus used per service and access level (unused after 90 days).</summary>
public sealed class PrincipalPermissionsSection(PermissionReports reports) : IPrincipalSection
{
    public string Name => "permissions";

    public async Task<object?> LoadAsync(string principal, CancellationToken cancellationToken)
    {
        var report = await reports.ReportAsync(principal, 90, null, cancellationToken);
        return report.Services.Count == 0 && report.UsedButNotGranted.Count == 0 ? null : report;
    }
}
