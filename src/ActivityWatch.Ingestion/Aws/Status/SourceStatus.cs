using ActivityWatch.Ingestion.Aws.Store;

namespace ActivityWatch.Ingestion.Aws.Status;

/// <summary>One source as `status` shows it: where it is, how far behind, how much it read, what went wrong.</summary>
public sealed record SourceStatus
{
    public required string Source { get; init; }
    /// <summary>"s3" for a polled prefix, "sqs" for a queue.</summary>
    public required string Type { get; init; }
    public bool Configured { get; init; }
    public IReadOnlyList<PartitionCheckpoint> Partitions { get; init; } = [];
    public DateTimeOffset? NewestObjectTime { get; init; }
    /// <summary>Now minus the newest object read: how far behind the source ActivityWatch is.</summary>
    public TimeSpan? Lag { get; init; }
    public long Objects { get; init; }
    public long Records { get; init; }
    public long Digests { get; init; }
    public long Messages { get; init; }
    public long DeadLettered { get; init; }
    public IReadOnlyDictionary<string, long> Errors { get; init; } = new Dictionary<string, long>();
    public string? LastError { get; init; }
    public DateTimeOffset? UpdatedAt { get; init; }
}
