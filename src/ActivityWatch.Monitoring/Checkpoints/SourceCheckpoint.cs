namespace ActivityWatch.Monitoring.Checkpoints;

/// <summary>
/// How far ingestion has read one log object. Written in the same transaction as the events it
/// covers, so a restarted ingest resumes exactly at <see cref="NextPosition"/>, on any node.
/// </summary>
public sealed class SourceCheckpoint
{
    /// <summary>The object's name: a local path or an s3:// URI.</summary>
    public string Id { get; set; } = "";

    /// <summary>Size and modification time, or the S3 ETag: a changed object is read again.</summary>
    public string? Fingerprint { get; set; }

    /// <summary>Positions below this one are stored (as events, duplicates or quarantine entries).</summary>
    public long NextPosition { get; set; }

    public bool Completed { get; set; }
    public long RecordsRead { get; set; }
    public long Ingested { get; set; }
    public long Duplicates { get; set; }
    public long Rejected { get; set; }
    public bool DigestFile { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
