using ActivityWatch.Api.Auth;
using ActivityWatch.Api.Problems;
using ActivityWatch.Api.Timeline;
using ActivityWatch.Monitoring.Permissions.Roles;
using ActivityWatch.Monitoring.Timeline.Principals;
using ActivityWatch.Monitoring.Timeline.Query;
using ActivityWatch.Monitoring.Timeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace ActivityWatch.Api.Principals;

public static class PrincipalEndpoints
{
    public static IEndpointRouteBuilder MapPrincipals(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/principals").WithTags("Principals").RequireAuthorization(ApiPolicies.Read);
        group.MapGet("/", ListAsync).WithSummary("Principals seen in the range, busiest first");
        // Principal ARNs hold slashes and colons, so the principal travels as a query parameter.
        group.MapGet("/profile", ProfileAsync).WithSummary("One principal: identity, credentials, MFA posture, activity by access level, actions used");
        return routes;
    }

    private static async Task<Results<Ok<IReadOnlyList<PrincipalSummary>>, ProblemHttpResult>> ListAsync(
        string? q, DateTimeOffset? since, DateTimeOffset? until, int? limit,
        PrincipalQueries principals, RoleDirectoryQueries roles, TimelineQueries timeline, IOptions<ApiOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        var api = options.Value;
        var take = limit ?? 200;
        if (take < 1 || take > api.MaxPageSize) return ApiProblems.BadRequest($"'limit' must be 1 to {api.MaxPageSize}.", "limit");
        // No range asked for: the 7 days up to the newest stored event.
        var newest = since is null && until is null ? (await timeline.ExtentAsync(null, cancellationToken)).Newest : null;
        if (!TimeRange.TryResolve(since, until, time.GetUtcNow(), newest, TimeSpan.FromDays(7), api.MaxRangeDays, out var range, out var error))
            return ApiProblems.BadRequest(error!, "since");
        if (q is { Length: > 0 } && !TimelineQueryParser.TryParse(q, out _, out var queryError)) return ApiProblems.InvalidQuery(queryError!);
        return TypedResults.Ok(await principals.ListAsync(q, range.Since, range.Until, take, await roles.LoadAsync(cancellationToken), cancellationToken));
    }

    private static async Task<Results<Ok<PrincipalPage>, ProblemHttpResult>> ProfileAsync(
        string? principal, DateTimeOffset? since, DateTimeOffset? until, int? days,
        PrincipalQueries principals, PrincipalSections sections, RoleDirectoryQueries roles, TimelineQueries timeline, IOptions<ApiOptions> options, TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(principal)) return ApiProblems.BadRequest("'principal' is required.", "principal");
        if (days is < 1 || days > options.Value.MaxRangeDays) return ApiProblems.BadRequest($"'days' must be 1 to {options.Value.MaxRangeDays}.", "days");
        var directory = await roles.LoadAsync(cancellationToken);
        var (resolved, form) = directory.Resolve(principal.Trim());
        var aliases = directory.Aliases(resolved);
        // No range asked for: the 30 days (or 'days') up to this principal's own newest event, under any of its names.
        DateTimeOffset? newest = null;
        if (since is null && until is null)
            foreach (var alias in aliases)
                if ((await timeline.ExtentAsync(alias, cancellationToken)).Newest is { } n && (newest is null || n > newest)) newest = n;
        if (!TimeRange.TryResolve(since, until, time.GetUtcNow(), newest, TimeSpan.FromDays(days ?? 30), options.Value.MaxRangeDays, out var range, out var error))
            return ApiProblems.BadRequest(error!, "since");
        var bucket = range.Width <= TimeSpan.FromDays(3) ? TimeSpan.FromHours(1) : TimeSpan.FromDays(1);
        var profile = await principals.ProfileAsync(aliases, form, range.Since, range.Until, bucket, cancellationToken);
        var known = await sections.LoadAsync(profile.Principal, cancellationToken);
        // A principal with no activity in range may still be known to a section (e.g. from an IAM import).
        if (profile.Events == 0 && known.Values.All(section => section is null))
            return ApiProblems.NotFound($"No activity by {profile.Principal} between {range.Since:u} and {range.Until:u}.");
        return TypedResults.Ok(new PrincipalPage(profile, known));
    }
}
