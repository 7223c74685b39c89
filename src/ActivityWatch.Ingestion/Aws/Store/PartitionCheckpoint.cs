namespace ActivityWatch.Ingestion.Aws.Store;

/// <summary>How far polling has read one partition of a source: the last key done, in key order.</summary>
public sealed record PartitionCheckpoint(
    string Source, string Partition, string? AccountId, string? Region, string Layout,
    string? LastKey, DateTimeOffset? NewestObjectTime, long Objects, DateTimeOffset UpdatedAt);
