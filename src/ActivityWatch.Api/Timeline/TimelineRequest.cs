using ActivityWatch.Api.Problems;
using ActivityWatch.Monitoring.Timeline;
using ActivityWatch.Monitoring.Timeline.Query;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ActivityWatch.Api.Timeline;

/// <summary>A timeline search's parameters checked and turned into a filter: shared by the page, the export and their problems.</summary>
public sealed record TimelineRequest(TimelineFilter Filter, TimeRange Range)
{
    public static readonly TimeSpan DefaultWidth = TimeSpan.FromDays(1);

    public static async Task<(TimelineRequest? Request, ProblemHttpResult? Problem)> ResolveAsync(
        TimelineSearch search, TimelineQueries timeline, ApiOptions api, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var oldestFirst = search.Order?.Trim().ToLowerInvariant() switch
        {
            null or "" or "newest" => false,
            "oldest" => (bool?)true,
            _ => null,
        };
        if (oldestFirst is null) return (null, ApiProblems.BadRequest("'order' is newest or oldest.", "order"));
        // Only a request that names no time needs the newest stored event.
        var newest = search.Since is null && search.Until is null ? (await timeline.ExtentAsync(null, cancellationToken)).Newest : null;
        if (!TimeRange.TryResolve(search.Since, search.Until, now, newest, DefaultWidth, api.MaxRangeDays, out var range, out var rangeError))
            return (null, ApiProblems.BadRequest(rangeError!, "since"));
        TimelineCursor? after = null;
        if (search.Cursor is { Length: > 0 } text)
        {
            if (!TimelineCursor.TryParse(text, out var cursor)) return (null, ApiProblems.BadRequest("'cursor' is not a cursor this API gave out.", "cursor"));
            after = cursor;
        }
        if (search.Query is { Length: > 0 } q && !TimelineQueryParser.TryParse(q, out _, out var queryError))
            return (null, ApiProblems.InvalidQuery(queryError!));

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
            OldestFirst = oldestFirst.Value,
            IncludeRaw = search.Raw ?? false,
        };
        return (new TimelineRequest(filter, range), null);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
