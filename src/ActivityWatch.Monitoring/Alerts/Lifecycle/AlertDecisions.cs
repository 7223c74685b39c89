namespace ActivityWatch.Monitoring.Alerts.Lifecycle;

/// <summary>
/// The alert lifecycle as a pure decision: Open -> Acknowledged -> Resolved, Suppressed from any
/// state but Resolved, Reopened from Acknowledged, Resolved or Suppressed. Assigning and notes
/// are allowed in every state.
/// </summary>
public static class AlertDecisions
{
    public static AlertDecision Decide(AlertCommand command, Alert? state, DateTimeOffset now)
    {
        if (state is null) return AlertDecision.Refuse($"No alert {command.AlertId}.");
        var id = state.AlertId;
        return command switch
        {
            AcknowledgeAlert c => state.Status == AlertStatus.Open
                ? AlertDecision.Accept(new AlertAcknowledged(id, c.By, c.Note, now))
                : AlertDecision.Refuse($"Only an open alert can be acknowledged; this one is {Name(state.Status)}."),
            ResolveAlert c => state.Status != AlertStatus.Resolved
                ? AlertDecision.Accept(new AlertResolved(id, c.By, c.Note, now))
                : AlertDecision.Refuse("The alert is already resolved."),
            SuppressAlert c => state.Status is AlertStatus.Open or AlertStatus.Acknowledged
                ? AlertDecision.Accept(new AlertSuppressed(id, c.By, c.Note, now))
                : AlertDecision.Refuse($"Only an open or acknowledged alert can be suppressed; this one is {Name(state.Status)}."),
            ReopenAlert c => state.Status != AlertStatus.Open
                ? AlertDecision.Accept(new AlertReopened(id, c.By, c.Note, now))
                : AlertDecision.Refuse("The alert is already open."),
            AssignAlert c => string.IsNullOrWhiteSpace(c.Assignee)
                ? AlertDecision.Refuse("An assignee is required.")
                : AlertDecision.Accept(new AlertAssigned(id, c.Assignee, c.By, now)),
            AddAlertNote c => string.IsNullOrWhiteSpace(c.Note)
                ? AlertDecision.Refuse("A note is required.")
                : AlertDecision.Accept(new AlertNoteAdded(id, c.By, c.Note, now)),
            _ => AlertDecision.Refuse($"Unknown command {command.GetType().Name}."),
        };
    }

    private static string Name(AlertStatus status) => status.ToString().ToLowerInvariant();
}
