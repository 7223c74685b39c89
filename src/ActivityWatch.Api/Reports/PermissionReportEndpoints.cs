using System.Text.Json;
using ActivityWatch.Api.Auth;
using ActivityWatch.Api.Problems;
using ActivityWatch.Monitoring.Audit;
using ActivityWatch.Monitoring.Permissions.Reports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace ActivityWatch.Api.Reports;

/// <summary>The permissions module's reports: granted versus used, unused access findings, hygiene, and generated least-privilege policies.</summary>
public static class PermissionReportEndpoints
{
    public static IEndpointRouteBuilder MapPermissionReports(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/reports").WithTags("Reports").RequireAuthorization(ApiPolicies.Read);
        group.MapGet("/unused-permissions", async (int? days, PermissionReports reports, CancellationToken ct) =>
                TypedResults.Ok(await reports.UnusedAsync(Math.Clamp(days ?? 90, 1, 3650), ct)))
            .WithSummary("Unused access findings (Access Analyzer shape): permissions, roles, keys and passwords unused for N days");
        group.MapGet("/hygiene", async (PermissionReports reports, CancellationToken ct) => TypedResults.Ok(await reports.HygieneAsync(ct)))
            .WithSummary("Credential hygiene findings");
        group.MapGet("/permissions", PermissionsAsync)
            .WithSummary("What one principal may do, by service and access level, each action used or unused");
        group.MapGet("/policy", PolicyAsync)
            .WithSummary("A least-privilege policy generated from what the principal used (download)");
        return routes;
    }

    private static async Task<Results<Ok<PermissionReport>, ProblemHttpResult>> PermissionsAsync(
        string? principal, int? days, PermissionReports reports, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(principal)) return ApiProblems.BadRequest("'principal' is required.", "principal");
        return TypedResults.Ok(await reports.ReportAsync(principal.Trim(), Math.Clamp(days ?? 90, 1, 3650), null, cancellationToken));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> PolicyAsync(
        string? principal, DateTimeOffset? since, HttpContext http, PermissionReports reports, AuditTrail audit, TimeProvider time, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(principal)) return ApiProblems.BadRequest("'principal' is required.", "principal");
        var policy = await reports.PolicyAsync(principal.Trim(), since, cancellationToken);
        await audit.RecordAsync(Analyst.From(http.User).Entry("policy.download", $"principal/{policy.Principal}",
            since is null ? null : $"since {since:O}", time.GetUtcNow()), cancellationToken);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(policy, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true });
        var name = new string(policy.Principal.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
        return TypedResults.File(bytes, "application/json", $"policy-{name}.json");
    }
}
