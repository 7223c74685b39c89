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
            .WithDescription("Filters, a query (q) in the timeline query language, a time range, cursor paging and an optional histogram.");
        group.MapGet("/fields", () => TypedResults.Ok(QueryField.All.Select(f => new { f.Name, Kind = f.Kind.ToString().ToLowerInvariant() })))
            .WithSummary("The fields the query language knows");
        return routes;
    }

    private static async Task<Results<Ok<TimelinePage>, ProblemHttpResult>> SearchAsync(
        [AsParameters] TimelineSearch search, ResolvedTimeline timeline, IOptions<ApiOptions> options, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var api = options.Value;
        var limit = search.Limit ?? 100;
        if (limit < 1 || limit > api.MaxPageSize) return ApiProblems.BadRequest($"'limit' must be 1 to {api.MaxPageSize}.", "limit");
        if (!TimeRange.TryResolve(search.Since, search.Until, time.GetUtcNow(), TimeSpan.FromDays(1), api.MaxRangeDays, out var range, out var rangeError))
            return ApiProblems.BadRequest(rangeError!, "since");
        TimelineCursor? after = null;
        if (search.Cursor is { Length: > 0 } text)
        {
            if (!TimelineCursor.TryParse(text, out var cursor)) return ApiProblems.BadRequest("'cursor' is not a cursor this API gave out.", "cursor");
            after = cursor;
        }
        if (search.Query is { Length: > 0 } q && !TimelineQueryParser.TryParse(q, out _, out var queryError))
            return ApiProblems.InvalidQuery(queryError!);

        var filter = new TimelineFilter
        {
            Query = search.Query,
            Principal = Blank(search.Principal),
            AccessKeyId = Blank(search.AccessKeyId),
            SourceIp = Blank(search.SourceIp),
            EventName = Blank(search.EventName),
            AccountId = Blank(search.AccountId),
            Source = Blank(search.Source),
            ErrorsOnly = search.ErrorsOnly ?? false,
            Since = range.Since,
            Until = range.Until,
            After = after,
            // One extra row tells whether another page follows without a count.
            Limit = limit + 1,
            IncludeRaw = search.Raw ?? false,
        };
        var rows = await timeline.SearchAsync(filter, cancellationToken);
        var items = rows.Take(limit).ToList();
        var next = rows.Count > limit ? items[^1].Cursor.ToString() : null;

        TimelineHistogram? histogram = null;
        if (search.Histogram == true && after is null)
        {
            var width = HistogramBuckets.For(range.Width);
            var buckets = await timeline.HistogramAsync(filter, width, cancellationToken);
            histogram = new TimelineHistogram((int)width.TotalSeconds, buckets);
        }
        return TypedResults.Ok(new TimelinePage(items, next, range.Since, range.Until, histogram));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
