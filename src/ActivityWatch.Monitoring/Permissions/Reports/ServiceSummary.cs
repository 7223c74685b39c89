namespace ActivityWatch.Monitoring.Permissions.Reports;

public sealed record ServiceSummary(string Service, bool Used, DateTimeOffset? LastUsed, IReadOnlyList<AccessLevelGroup> Levels);
