namespace ActivityWatch.Api.Timeline;

/// <summary>A search's time range: defaults to the fallback width before until (now by default), capped at the configured width.</summary>
public readonly record struct TimeRange(DateTimeOffset Since, DateTimeOffset Until)
{
    public TimeSpan Width => Until - Since;

    public static bool TryResolve(DateTimeOffset? since, DateTimeOffset? until, DateTimeOffset now, TimeSpan fallback, int maxDays,
        out TimeRange range, out string? error)
    {
        var end = until ?? now;
        // An 'until' near year 1 must not take the default start below the calendar (a 500, not an answer).
        var start = since ?? (end - DateTimeOffset.MinValue > fallback ? end - fallback : DateTimeOffset.MinValue);
        range = new TimeRange(start, end);
        error = start >= end ? "'since' must be before 'until'."
            : end - start > TimeSpan.FromDays(maxDays) ? $"The time range may cover at most {maxDays} days."
            : null;
        return error is null;
    }
}
