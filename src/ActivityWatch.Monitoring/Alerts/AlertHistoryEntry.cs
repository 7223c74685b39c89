namespace ActivityWatch.Monitoring.Alerts;

/// <summary>One step in an alert's life as analysts see it: who did what, when, and why.</summary>
public sealed record AlertHistoryEntry(string Action, string By, string? Note, DateTimeOffset At);
