namespace ActivityWatch.Ingestion.Aws.Store;

/// <summary>Increments to a source's counters.</summary>
public readonly record struct SourceCounts(
    long Objects = 0, long Records = 0, long Digests = 0, long Messages = 0, long DeadLettered = 0, DateTimeOffset? NewestObjectTime = null);
