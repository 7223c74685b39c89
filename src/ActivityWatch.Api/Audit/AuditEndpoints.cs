using ActivityWatch.Api.Auth;
using ActivityWatch.Monitoring.Audit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace ActivityWatch.Api.Audit;

public static class AuditEndpoints
{
    public static IEndpointRouteBuilder MapAudit(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/audit", async (string? actor, int? limit, AuditTrail audit, CancellationToken cancellationToken) =>
                TypedResults.Ok(await audit.ListAsync(actor, limit ?? 200, cancellationToken)))
            .WithTags("Audit")
            .WithSummary("Who did what, when: every analyst action, newest first; actor filters by id (key:{key id}, oidc:{subject})")
            .RequireAuthorization(ApiPolicies.Administer);
        routes.MapGet("/api/me", (HttpContext context) => TypedResults.Ok(Analyst.From(context.User)))
            .WithTags("Audit")
            .WithSummary("The signed-in analyst: id (key:{key id} or oidc:{subject}), name, role and sign-in method")
            .RequireAuthorization(ApiPolicies.Read);
        return routes;
    }
}
