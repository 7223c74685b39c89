namespace ActivityWatch.Api.Timeline;

/// <summary>A search's time range: defaults to the last 24 hours, capped at the configured width.</summary>
public readonly record struct TimeRange(DateTimeOffset Since, DateTimeOffset Until)
{
    public TimeSpan Width => Until - Since;

    public static bool TryResolve(DateTimeOffset? since, DateTimeOffset? until, DateTimeOffset now, TimeSpan fallback, int maxDays,
        out TimeRange range, out string? error)
    {
        var end = until ?? now;
        var start = since ?? end - fallback;
        range = new TimeRange(start, end);
        error = start >= end ? "'since' must be before 'until'."
            : end - start > TimeSpan.FromDays(maxDays) ? $"The time range may cover at most {maxDays} days."
            : null;
        return error is null;
    }
}
