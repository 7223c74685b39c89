namespace ActivityWatch.Training.Evaluation;

/// <summary>A record of the test period: who and when, ground truth, one detector's verdict, and its score and features (for the diagnostics).</summary>
public sealed record TestRow(string Principal, DateTimeOffset Time, string? Scenario, bool Warm, bool Flagged)
{
    public float Score { get; init; }
    public string Action { get; init; } = "";
    public float[]? Vector { get; init; }
}
