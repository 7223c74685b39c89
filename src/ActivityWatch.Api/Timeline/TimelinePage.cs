using ActivityWatch.Monitoring.Timeline;

namespace ActivityWatch.Api.Timeline;

/// <summary>One page of the timeline; <see cref="NextCursor"/> is null on the last page.</summary>
public sealed record TimelinePage(
    IReadOnlyList<TimelineEntry> Items,
    string? NextCursor,
    DateTimeOffset Since,
    DateTimeOffset Until,
    TimelineHistogram? Histogram);

public sealed record TimelineHistogram(int BucketSeconds, IReadOnlyList<TimelineBucket> Buckets);
