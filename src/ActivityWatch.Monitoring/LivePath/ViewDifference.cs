namespace ActivityWatch.Monitoring.LivePath;

/// <summary>One row or document: what the events say (null: it should not exist) and what is stored (null: missing).</summary>
public sealed record ViewDifference(string Key, string? Expected, string? Stored);
