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

    /// <summary>How long ingest waits for projections and detections to catch up before it returns.</summary>
    public TimeSpan CatchUpTimeout { get; set; } = TimeSpan.FromMinutes(10);
}
