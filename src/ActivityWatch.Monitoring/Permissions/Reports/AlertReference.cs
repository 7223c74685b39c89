namespace ActivityWatch.Monitoring.Permissions.Reports;

/// <summary>An alert whose evidence includes calls of an action: enough for a reader to open it.</summary>
public sealed record AlertReference(Guid AlertId, string RuleId, string Severity, string Status, string Title);
