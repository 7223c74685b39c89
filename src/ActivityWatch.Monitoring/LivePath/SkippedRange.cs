namespace ActivityWatch.Monitoring.LivePath;

/// <summary>
/// A sequence range (Start, End] the daemon's high-water mark jumped over because a number in it was
/// still missing after Marten's stale threshold, and the stored events inside it. Appends commit in
/// sequence order (EventAppendOrder), so a missing number is an append that rolled back (a crash, a
/// retried batch) and <see cref="Holes"/> count them; the events around the holes were projected as
/// usual. Whether anything was lost is what the view comparison says, not this range.
/// </summary>
public sealed record SkippedRange(long Start, long End, long Events)
{
    /// <summary>Sequence numbers in the range that no stored event holds.</summary>
    public long Holes => End - Start - Events;
}
