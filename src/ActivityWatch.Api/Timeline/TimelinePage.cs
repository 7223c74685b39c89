using ActivityWatch.Monitoring.Timeline;

namespace ActivityWatch.Api.Timeline;

/// <summary>
/// One page of the timeline; <see cref="NextCursor"/> is null on the last page. <see cref="RangeBasis"/>
/// says where the range came from when the request named none (the newest stored event, or now).
/// </summary>
public sealed record TimelinePage(
    IReadOnlyList<TimelineEntry> Items,
    string? NextCursor,
    DateTimeOffset Since,
    DateTimeOffset Until,
    TimelineHistogram? Histogram,
    TimeRangeBasis RangeBasis = TimeRangeBasis.Requested);

public sealed record TimelineHistogram(int BucketSeconds, IReadOnlyList<TimelineBucket> Buckets);
