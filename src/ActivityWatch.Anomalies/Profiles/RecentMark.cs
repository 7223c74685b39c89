namespace ActivityWatch.Anomalies.Profiles;

/// <summary>Something that happened recently (an error, a first-time call): kept only inside its window.</summary>
public sealed record RecentMark(DateTimeOffset At, string Key);
