namespace ActivityWatch.Monitoring.Checkpoints;

/// <summary>Counts over every checkpoint, and the newest event time in the timeline (now minus it is the data lag).</summary>
public sealed record IngestionTotals(
    long Objects,
    long CompletedObjects,
    long RecordsRead,
    long Ingested,
    long Duplicates,
    long Rejected,
    DateTimeOffset? NewestEventTime,
    double? LagSeconds,
    DateTimeOffset? LastCheckpointAt);
