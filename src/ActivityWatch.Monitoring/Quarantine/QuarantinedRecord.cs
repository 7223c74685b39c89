namespace ActivityWatch.Monitoring.Quarantine;

/// <summary>A record that could not be read, kept with where it was and why.</summary>
public sealed class QuarantinedRecord
{
    /// <summary>"{SourceObject}#{Position}": reading the same bad record again does not add a second entry.</summary>
    public string Id { get; set; } = "";

    public string SourceObject { get; set; } = "";

    /// <summary>The record's ordinal in its object (array index or line number, from 0).</summary>
    public long Position { get; set; }

    /// <summary>Where the bad bytes start in the (decompressed) object, and on which line (from 1) when the format has lines.</summary>
    public long? ByteOffset { get; set; }
    public long? Line { get; set; }

    public string Reason { get; set; } = "";

    /// <summary>The first bytes of the bad record, decoded leniently.</summary>
    public string? Excerpt { get; set; }

    public DateTimeOffset QuarantinedAt { get; set; }

    /// <summary>
    /// How many rejected positions the entry stands for: 1, or for the entry summing up the rest of
    /// a garbage object past the per-object cap, all of them (its position is the first).
    /// </summary>
    public long Count { get; set; } = 1;

    public static string IdFor(string sourceObject, long position) => $"{sourceObject}#{position}";
}
