namespace ActivityWatch.Monitoring.Detections;

/// <summary>An aggregating rule fires when at least <see cref="Count"/> matches of one principal fall within <see cref="Window"/>.</summary>
public sealed record RuleThreshold(int Count, TimeSpan Window);
