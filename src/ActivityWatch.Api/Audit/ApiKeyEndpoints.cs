using ActivityWatch.Api.Auth;
using ActivityWatch.Api.Problems;
using ActivityWatch.Monitoring.Audit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace ActivityWatch.Api.Audit;

/// <summary>Key management for admins; the CLI's `apikeys` command does the same without the API.</summary>
public static class ApiKeyEndpoints
{
    public sealed record CreateKey(string Name, string Role);

    public sealed record KeyView(Guid Id, string Name, string Role, string Prefix, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? RevokedAt, string? RevokedBy)
    {
        public static KeyView Of(ApiKey key) => new(key.Id, key.Name, key.Role, key.Prefix, key.CreatedAt, key.CreatedBy, key.RevokedAt, key.RevokedBy);
    }

    public sealed record CreatedKey(KeyView Key, string Secret);

    public static IEndpointRouteBuilder MapApiKeys(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/apikeys").WithTags("API keys").RequireAuthorization(ApiPolicies.Administer);
        group.MapGet("/", async (ApiKeys keys, CancellationToken cancellationToken) =>
            TypedResults.Ok((await keys.ListAsync(cancellationToken)).Select(KeyView.Of).ToList())).WithSummary("Every key, revoked ones included");
        group.MapPost("/", CreateAsync).WithSummary("Issue a key; the secret is in this answer only");
        group.MapDelete("/{id:guid}", RevokeAsync).WithSummary("Revoke a key");
        return routes;
    }

    private static async Task<Results<Created<CreatedKey>, ProblemHttpResult>> CreateAsync(
        CreateKey request, HttpContext context, ApiKeys keys, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Name)) return ApiProblems.BadRequest("A key needs a name.", "name");
        if (ApiProblems.TooLong(request.Name, 200, "name") is { } tooLong) return tooLong;
        if (!AnalystRoles.IsKnown(request.Role)) return ApiProblems.BadRequest($"'role' is one of {string.Join(", ", AnalystRoles.All)}.", "role");
        var issued = await keys.CreateAsync(request.Name, request.Role, Analyst.From(context.User).Actor, cancellationToken);
        return TypedResults.Created($"/api/apikeys/{issued.Key.Id}", new CreatedKey(KeyView.Of(issued.Key), issued.Secret));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(Guid id, HttpContext context, ApiKeys keys, CancellationToken cancellationToken) =>
        await keys.RevokeAsync(id, Analyst.From(context.User).Actor, cancellationToken)
            ? TypedResults.NoContent()
            : ApiProblems.NotFound($"No active key {id}.");
}
