namespace ActivityWatch.Ingestion.Aws.S3;

/// <summary>What one poll of a prefix did.</summary>
public sealed record PollResult
{
    public int Partitions { get; init; }
    /// <summary>Partitions another watch process held, left to it this round.</summary>
    public int PartitionsBusy { get; init; }
    /// <summary>Keys the listings returned (after StartAfter): a restart lists only what is new, plus the late-arrival window.</summary>
    public int Listed { get; init; }
    public int Unchanged { get; init; }
    public int Digests { get; init; }
    public int Objects { get; init; }
    public long Records { get; init; }
    public long Ingested { get; init; }
    public int Failures { get; init; }
}
