namespace ActivityWatch.Training.Evaluation;

/// <summary>A record of the test period: features against history, ground truth, and the two verdicts.</summary>
public sealed record TestRow(string Principal, DateTimeOffset Time, string? Scenario, bool Warm, float[] Vector)
{
    public float Score { get; init; }

    /// <summary>The rarity baseline's verdict: the principal never made this call before.</summary>
    public bool NeverMadeCall { get; init; }
}
