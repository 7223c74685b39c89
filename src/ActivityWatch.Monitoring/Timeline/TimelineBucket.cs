namespace ActivityWatch.Monitoring.Timeline;

/// <summary>One bar of the timeline histogram: records from <see cref="Start"/> for one bucket width.</summary>
public readonly record struct TimelineBucket(DateTimeOffset Start, long Count);
