namespace ActivityWatch.Monitoring.Audit;

/// <summary>
/// An action to audit, handed to a write path so it appends the <see cref="AnalystActed"/> entry in
/// the same session, and so the same transaction, as the change it describes, stamped with the
/// write path's own clock.
/// </summary>
public sealed record AuditedAction(AuditActor Actor, string Action)
{
    public AnalystActed Entry(string target, string? detail, DateTimeOffset at) =>
        new(Actor.Id, Actor.Role, Action, target, detail, at, Actor.Name);
}
