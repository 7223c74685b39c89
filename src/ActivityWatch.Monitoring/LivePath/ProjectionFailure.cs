namespace ActivityWatch.Monitoring.LivePath;

/// <summary>
/// A record one member of the live path could not process (a view, the rules, the anomaly scorer).
/// The other members processed it, and everything after it was processed: a record can blind one
/// member to itself, never the monitor. <c>status</c>, <c>verify</c>, the API and the console show these.
/// </summary>
public sealed class ProjectionFailure
{
    /// <summary>"{Member}:{EventId}": the same record failing again (a page run twice) is one entry.</summary>
    public string Id { get; set; } = "";

    public string Member { get; set; } = "";
    public Guid EventId { get; set; }
    public long Sequence { get; set; }

    /// <summary>Where the record was read, so an analyst can find it as logged.</summary>
    public string? SourceObject { get; set; }
    public long? Position { get; set; }

    /// <summary>The exception's type and message: what the member could not cope with.</summary>
    public string Error { get; set; } = "";
    public string Message { get; set; } = "";

    public DateTimeOffset FailedAt { get; set; }
}
