namespace ActivityWatch.Monitoring.Permissions.Reports;

public sealed record UnusedAction(string Action, DateTimeOffset? LastAccessed);
