namespace ActivityWatch.Monitoring.LivePath;

/// <summary>One view: how many rows or documents the events give and how many are stored, and how many differ (with examples).</summary>
public sealed record ViewComparison(string View, int Recomputed, int Stored, int Differences, IReadOnlyList<ViewDifference> Examples);
