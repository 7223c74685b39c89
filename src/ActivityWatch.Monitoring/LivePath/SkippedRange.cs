namespace ActivityWatch.Monitoring.LivePath;

/// <summary>A sequence range (Start, End] the daemon's high-water mark jumped over, and the stored events inside it.</summary>
public sealed record SkippedRange(long Start, long End, long Events);
