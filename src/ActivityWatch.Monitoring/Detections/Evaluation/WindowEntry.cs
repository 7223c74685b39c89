namespace ActivityWatch.Monitoring.Detections.Evaluation;

/// <summary>One counted match; <see cref="Value"/> is set for rules that count distinct values.</summary>
public sealed record WindowEntry(string EventId, DateTimeOffset Time, string? Value = null);
