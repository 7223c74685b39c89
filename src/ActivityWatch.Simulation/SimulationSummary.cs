namespace ActivityWatch.Simulation;

/// <param name="ScenarioRecords">Records per incident or attack id (CloudTrail and S3 access lines).</param>
public sealed record SimulationSummary(
    int Files,
    long CloudTrailRecords,
    long S3AccessRecords,
    IReadOnlyDictionary<string, int> ScenarioRecords);
