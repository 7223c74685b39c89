using ActivityWatch.Anomalies.Profiles;

namespace ActivityWatch.Anomalies.Features;

/// <summary>
/// First-time calls of the last hours, counted the ways the features need: in the last hour, in
/// the whole window, how many of them were discovery (List/Describe/Get), and over how many distinct
/// hours they were spread. Marks are "d|action" for discovery, "w|action" otherwise.
/// </summary>
public readonly record struct SlowNovelty(int LastHour, int Total, int Discovery, int Hours)
{
    /// <param name="current">Whether the record being scored is itself a first-time discovery call (true), another first call (false), or not new (null).</param>
    public static SlowNovelty Of(List<RecentMark> marks, DateTimeOffset now, bool? current)
    {
        int lastHour = 0, total = 0, discovery = 0, hours = 0;
        var lastHourStart = DateTimeOffset.MinValue;
        foreach (var mark in marks)
        {
            total++;
            if (now - mark.At <= ProfileUpdate.NoveltyWindow) lastHour++;
            if (mark.Key.StartsWith("d|", StringComparison.Ordinal)) discovery++;
            var hour = ProfileUpdate.HourStart(mark.At);
            if (hour != lastHourStart) { hours++; lastHourStart = hour; }
        }
        if (current is { } isDiscovery)
        {
            total++;
            lastHour++;
            if (isDiscovery) discovery++;
            if (ProfileUpdate.HourStart(now) != lastHourStart) hours++;
        }
        return new SlowNovelty(lastHour, total, discovery, hours);
    }
}
