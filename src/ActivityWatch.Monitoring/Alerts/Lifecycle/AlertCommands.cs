namespace ActivityWatch.Monitoring.Alerts.Lifecycle;

// What analysts do to an alert (CLI now, API later). Each is decided by AlertDecisions.Decide.

public abstract record AlertCommand(Guid AlertId, string By);

public sealed record AcknowledgeAlert(Guid AlertId, string By, string? Note) : AlertCommand(AlertId, By);

public sealed record ResolveAlert(Guid AlertId, string By, string? Note) : AlertCommand(AlertId, By);

public sealed record SuppressAlert(Guid AlertId, string By, string? Note) : AlertCommand(AlertId, By);

public sealed record ReopenAlert(Guid AlertId, string By, string? Note) : AlertCommand(AlertId, By);

public sealed record AssignAlert(Guid AlertId, string By, string Assignee) : AlertCommand(AlertId, By);

public sealed record AddAlertNote(Guid AlertId, string By, string Note) : AlertCommand(AlertId, By);
