namespace ActivityWatch.Monitoring.Timeline;

/// <summary>The oldest and newest stored record times (both null when nothing is stored).</summary>
public sealed record TimelineExtent(DateTimeOffset? Oldest, DateTimeOffset? Newest);
