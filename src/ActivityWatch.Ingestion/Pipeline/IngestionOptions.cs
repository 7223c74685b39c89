namespace ActivityWatch.Ingestion.Pipeline;

/// <summary>Configuration section "ActivityWatch:Ingestion".</summary>
public sealed class IngestionOptions
{
    public const string Section = "ActivityWatch:Ingestion";

    /// <summary>
    /// Positions per transaction, gathered across objects: large enough to amortise round trips,
    /// small enough to resume cheaply. Also the most one batch of one object holds.
    /// </summary>
    public int BatchSize { get; set; } = 1000;

    /// <summary>Objects read at the same time.</summary>
    public int Parallelism { get; set; } = 4;

    /// <summary>Transactions in flight at the same time.</summary>
    public int Writers { get; set; } = 2;

    /// <summary>
    /// Record text per batch, besides <see cref="BatchSize"/>: a batch of a few huge records (CloudTrail
    /// caps a record at 256 KB, hand-made exports do not) is flushed early and weighs as a full one.
    /// </summary>
    public int MaxBatchBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>Content read per object, decompressed: a gzip bomb or a runaway export costs bounded time, and the rest is one rejection.</summary>
    public long MaxObjectBytes { get; set; } = Parsing.ReaderLimits.DefaultMaxObjectBytes;

    /// <summary>Quarantine entries per object; the rest of a garbage object is one entry with the count.</summary>
    public int MaxQuarantinePerObject { get; set; } = 1000;

    /// <summary>How long ingest waits for projections and detections to catch up before it returns.</summary>
    public TimeSpan CatchUpTimeout { get; set; } = TimeSpan.FromMinutes(10);
}
