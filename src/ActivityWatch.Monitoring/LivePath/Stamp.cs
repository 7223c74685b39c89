namespace ActivityWatch.Monitoring.LivePath;

/// <summary>
/// Which record a "latest" (or "first") value of a view came from: its event time, then its record
/// key to break ties. Comparing stamps instead of arrival order makes "the latest sign-in" the same
/// whichever record the daemon happened to see first.
/// </summary>
public sealed record Stamp(DateTimeOffset Time, string Key) : IComparable<Stamp>
{
    public int CompareTo(Stamp? other) => other is null ? 1
        : Time != other.Time ? Time.CompareTo(other.Time)
        : string.CompareOrdinal(Key, other.Key);

    public static Stamp Of(Records.ActivityRecorded record) => new(record.EventTime, record.RecordKey);

    /// <summary>True when this stamp is later than <paramref name="current"/> (or there is none yet).</summary>
    public bool IsAfter(Stamp? current) => current is null || CompareTo(current) > 0;

    /// <summary>True when this stamp is earlier than <paramref name="current"/> (or there is none yet).</summary>
    public bool IsBefore(Stamp? current) => current is null || CompareTo(current) < 0;
}
