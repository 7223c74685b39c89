namespace ActivityWatch.Anomalies.Features;

/// <summary>A record's facts and its feature vector, computed against the history before it.</summary>
public sealed record FeaturizedActivity(ActivityFacts Facts, float[] Vector, bool Warm)
{
    /// <summary>The principal's profile had already folded this event in (a page run again).</summary>
    public bool AlreadyLearned { get; init; }
}
