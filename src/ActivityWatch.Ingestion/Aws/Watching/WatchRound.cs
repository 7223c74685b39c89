namespace ActivityWatch.Ingestion.Aws.Watching;

/// <summary>What one round of `watch --once` did.</summary>
public sealed record WatchRound
{
    public int Objects { get; init; }
    public long Records { get; init; }
    public int Messages { get; init; }
    public int Failures { get; init; }
}
