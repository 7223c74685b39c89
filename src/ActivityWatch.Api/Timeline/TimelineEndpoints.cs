using ActivityWatch.Api.Auth;
using ActivityWatch.Api.Problems;
using ActivityWatch.Monitoring.Permissions.Roles;
using ActivityWatch.Monitoring.Timeline;
using ActivityWatch.Monitoring.Timeline.Query;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace ActivityWatch.Api.Timeline;

public static class TimelineEndpoints
{
    public static IEndpointRouteBuilder MapTimeline(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/timeline").WithTags("Timeline").RequireAuthorization(ApiPolicies.Read);
        group.MapGet("/", SearchAsync)
            .WithSummary("Search activity, newest first")
            .WithDescription("Filters, a query (q) in the timeline query language, a time range (default: the 24 hours up to the newest stored event), " +
                             "order (newest or oldest first), cursor paging and an optional histogram.");
        group.MapGet("/fields", () => TypedResults.Ok(QueryField.All.Select(f => new { f.Name, Kind = f.Kind.ToString().ToLowerInvariant() })))
            .WithSummary("The fields the query language knows");
        group.MapGet("/extent", async (TimelineQueries timeline, CancellationToken cancellationToken) => TypedResults.Ok(await timeline.ExtentAsync(null, cancellationToken)))
            .WithSummary("The oldest and newest stored event times (null when nothing is stored)");
        group.MapTimelineExport();
        return routes;
    }

    private static async Task<Results<Ok<TimelinePage>, ProblemHttpResult>> SearchAsync(
        [AsParameters] TimelineSearch search, ResolvedTimeline resolved, TimelineQueries timeline, IOptions<ApiOptions> options, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var api = options.Value;
        var limit = search.Limit ?? 100;
        if (limit < 1 || limit > api.MaxPageSize) return ApiProblems.BadRequest($"'limit' must be 1 to {api.MaxPageSize}.", "limit");
        var (request, problem) = await TimelineRequest.ResolveAsync(search, timeline, api, time.GetUtcNow(), cancellationToken);
        if (problem is not null) return problem;
        var (filter, range) = request!;

        // One extra row tells whether another page follows without a count.
        var rows = await resolved.SearchAsync(filter with { Limit = limit + 1 }, cancellationToken);
        var items = rows.Take(limit).ToList();
        var next = rows.Count > limit ? items[^1].Cursor.ToString() : null;

        TimelineHistogram? histogram = null;
        if (search.Histogram == true && filter.After is null)
        {
            var width = HistogramBuckets.For(range.Width);
            var buckets = await resolved.HistogramAsync(filter, width, cancellationToken);
            histogram = new TimelineHistogram((int)width.TotalSeconds, buckets);
        }
        return TypedResults.Ok(new TimelinePage(items, next, range.Since, range.Until, histogram, range.Basis));
    }
}
