namespace ActivityWatch.Ingestion.Pipeline;

/// <summary>What reading one log object did.</summary>
public sealed record ObjectOutcome(string Object)
{
    public long Records { get; set; }
    public long Ingested { get; set; }
    public long Duplicates { get; set; }
    public long Rejected { get; set; }
    public bool Unchanged { get; set; }
    public bool Digest { get; set; }

    /// <summary>A CloudTrail log file whose SHA-256 was kept for integrity verification.</summary>
    public bool Hashed { get; set; }
    public string? Failure { get; set; }
}
