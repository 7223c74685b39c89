using ActivityWatch.Api.Auth;
using ActivityWatch.Monitoring.Posture;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ActivityWatch.Api.Reports;

public static class ReportEndpoints
{
    public static IEndpointRouteBuilder MapReports(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/reports").WithTags("Reports").RequireAuthorization(ApiPolicies.Read);
        group.MapGet("/root-use", async (PostureQueries posture, CancellationToken ct) => TypedResults.Ok(await posture.RootUsageAsync(ct)))
            .WithSummary("Root user activity per account: sign-ins, API calls, access keys, per day");
        group.MapGet("/mfa", async (PostureQueries posture, CancellationToken ct) => TypedResults.Ok(await posture.MfaAsync(ct)))
            .WithSummary("Console sign-ins with and without MFA per IAM user, and MFA device changes");
        group.MapGet("/access-keys", async (PostureQueries posture, CancellationToken ct) => TypedResults.Ok(await posture.AccessKeysAsync(ct)))
            .WithSummary("Access keys: age, last use, last service, networks");
        return routes;
    }
}
