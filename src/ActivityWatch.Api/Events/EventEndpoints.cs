using ActivityWatch.Api.Auth;
using ActivityWatch.Api.Problems;
using ActivityWatch.Monitoring.Permissions.Roles;
using ActivityWatch.Monitoring.Timeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace ActivityWatch.Api.Events;

public static class EventEndpoints
{
    public static IEndpointRouteBuilder MapEvents(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/events/{id:guid}", GetAsync)
            .WithTags("Timeline")
            .WithSummary("One stored event with its raw record as logged")
            .RequireAuthorization(ApiPolicies.Read);
        return routes;
    }

    private static async Task<Results<Ok<TimelineEntry>, ProblemHttpResult>> GetAsync(Guid id, TimelineQueries timeline, ResolvedTimeline resolved, CancellationToken cancellationToken)
    {
        var entries = await resolved.ResolveAsync(await timeline.GetAsync([id], cancellationToken), null, cancellationToken);
        return entries.Count == 0 ? ApiProblems.NotFound($"No event {id}.") : TypedResults.Ok(entries[0]);
    }
}
