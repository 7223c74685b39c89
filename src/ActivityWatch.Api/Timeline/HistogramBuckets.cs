namespace ActivityWatch.Api.Timeline;

/// <summary>Bucket widths people read easily; the histogram takes the smallest that gives at most <see cref="MaxBars"/> bars.</summary>
public static class HistogramBuckets
{
    public const int MaxBars = 120;

    private static readonly TimeSpan[] Widths =
    [
        TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30),
        TimeSpan.FromHours(1), TimeSpan.FromHours(3), TimeSpan.FromHours(6), TimeSpan.FromHours(12),
        TimeSpan.FromDays(1), TimeSpan.FromDays(7),
    ];

    public static TimeSpan For(TimeSpan range) => Widths.FirstOrDefault(w => range / w <= MaxBars, Widths[^1]);
}
