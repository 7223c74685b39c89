namespace ActivityWatch.Api.Timeline;

/// <summary>
/// A search's time range, capped at the configured width. Asked for nothing, it is the
/// <c>fallback</c> width ending just after the newest stored event (<see cref="TimeRangeBasis.NewestEvent"/>),
/// so imported history or a source that stopped a month ago still shows; with nothing stored it ends now.
/// </summary>
public readonly record struct TimeRange(DateTimeOffset Since, DateTimeOffset Until, TimeRangeBasis Basis)
{
    public TimeSpan Width => Until - Since;

    public static bool TryResolve(DateTimeOffset? since, DateTimeOffset? until, DateTimeOffset now, DateTimeOffset? newestEvent, TimeSpan fallback, int maxDays,
        out TimeRange range, out string? error)
    {
        var basis = since is null && until is null ? newestEvent is null ? TimeRangeBasis.Now : TimeRangeBasis.NewestEvent : TimeRangeBasis.Requested;
        // Until is exclusive: the second after the newest event keeps it in range.
        var end = until ?? (basis == TimeRangeBasis.NewestEvent ? AfterSecond(newestEvent!.Value) : now);
        // An 'until' near year 1 must not take the default start below the calendar (a 500, not an answer).
        var start = since ?? (end - DateTimeOffset.MinValue > fallback ? end - fallback : DateTimeOffset.MinValue);
        range = new TimeRange(start, end, basis);
        error = start >= end ? "'since' must be before 'until'."
            : end - start > TimeSpan.FromDays(maxDays) ? $"The time range may cover at most {maxDays} days."
            : null;
        return error is null;
    }

    private static DateTimeOffset AfterSecond(DateTimeOffset time) =>
        new DateTimeOffset(time.UtcTicks - time.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero).AddSeconds(1);
}
