using ActivityWatch.Monitoring.Timeline;

namespace ActivityWatch.Cli.Commands;

/// <summary>Why a timeline search found nothing, when the store can tell: nothing stored, a range outside the data, a name where an ARN goes.</summary>
public static class TimelineHints
{
    public static async Task<string> NothingFoundAsync(TimelineQueries timeline, TimelineFilter filter, CancellationToken cancellationToken)
    {
        var extent = await timeline.ExtentAsync(null, cancellationToken);
        if (extent.Newest is not { } newest || extent.Oldest is not { } oldest)
            return "no events: nothing is stored yet (`activitywatch ingest PATH`, or `activitywatch watch` for AWS sources)";

        var range = (filter.Since, filter.Until) switch
        {
            ({ } s, { } u) => $" between {Time(s)} and {Time(u)}",
            ({ } s, null) => $" since {Time(s)}",
            (null, { } u) => $" before {Time(u)}",
            _ => "",
        };
        var why = new List<string> { $"stored events span {Time(oldest)} to {Time(newest)} UTC" };
        if (filter.Since > newest) why.Add("--since is after the newest stored event");
        if (filter.Until <= oldest) why.Add("--until is before the oldest stored event");
        if (filter.Principal is { } principal && !principal.Contains(':'))
            why.Add($"--principal takes a full ARN (arn:aws:iam::ACCOUNT:user/{principal}); --query 'principal:{principal}' also matches a bare user, role or session name");
        if (filter.After is not null) why.Add("nothing after the cursor: this was the last page");
        return $"no events match{range}: {string.Join("; ", why)}";
    }

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm");
}
