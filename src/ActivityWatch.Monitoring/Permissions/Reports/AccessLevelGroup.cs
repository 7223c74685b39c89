namespace ActivityWatch.Monitoring.Permissions.Reports;

public sealed record AccessLevelGroup(string AccessLevel, IReadOnlyList<ActionStatus> Actions);
