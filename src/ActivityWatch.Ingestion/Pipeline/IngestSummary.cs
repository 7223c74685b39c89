namespace ActivityWatch.Ingestion.Pipeline;

/// <summary>
/// What an ingest did. Records counts every position read; always
/// Records = Ingested + Duplicates + Rejected.
/// </summary>
public sealed record IngestSummary
{
    public int Files { get; init; }
    public int FilesUnchanged { get; init; }
    public long Records { get; init; }
    public long Ingested { get; init; }
    public long Duplicates { get; init; }
    public long Rejected { get; init; }
    /// <summary>CloudTrail digest files read for log file integrity verification.</summary>
    public int DigestFiles { get; init; }

    /// <summary>Digest files skipped because integrity verification is off (ActivityWatch:Integrity:Enabled).</summary>
    public int DigestFilesSkipped { get; init; }

    /// <summary>New log file integrity findings of the verification round that ended the ingest (each one an alert).</summary>
    public int IntegrityFindings { get; init; }
    public double Seconds { get; init; }

    /// <summary>Objects that could not be opened or read at all, with the reason.</summary>
    public IReadOnlyList<ObjectFailure> Failures { get; init; } = [];

    public bool Balanced => Records == Ingested + Duplicates + Rejected;
}
