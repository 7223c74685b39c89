using ActivityWatch.Monitoring.Audit;
using JasperFx;
using JasperFx.Events;
using Marten;

namespace ActivityWatch.Monitoring.Alerts.Lifecycle;

/// <summary>Carries out analyst commands: load the alert, decide, append with a version check.</summary>
public sealed class AlertLifecycle(IDocumentStore store, TimeProvider time)
{
    public Task<(Alert? Alert, AlertDecision Decision)> HandleAsync(AlertCommand command, CancellationToken cancellationToken) =>
        HandleAsync(command, null, cancellationToken);

    /// <summary>
    /// With <paramref name="audit"/>, the <see cref="AnalystActed"/> entry is appended in the same
    /// session as the alert's events, stamped with the same time: both commit, or neither.
    /// </summary>
    public async Task<(Alert? Alert, AlertDecision Decision)> HandleAsync(AlertCommand command, AuditedAction? audit, CancellationToken cancellationToken)
    {
        // One retry: the live path may have appended new evidence between our read and our write.
        for (var attempt = 0; ; attempt++)
        {
            await using var session = store.LightweightSession();
            var alert = await session.LoadAsync<Alert>(command.AlertId.ToString(), cancellationToken);
            var now = time.GetUtcNow();
            var decision = AlertDecisions.Decide(command, alert, now);
            if (!decision.Accepted) return (alert, decision);
            AlertStreams.Append(session, alert!, checkVersion: true, [.. decision.Events]);
            if (audit is not null) AuditTrail.Append(session, audit.Entry($"alert/{alert!.AlertId}", Detail(command), now));
            try
            {
                await session.SaveChangesAsync(cancellationToken);
                return (alert, decision);
            }
            catch (Exception e) when (attempt == 0 && e is ConcurrencyException or EventStreamUnexpectedMaxEventIdException)
            {
            }
        }
    }

    private static string? Detail(AlertCommand command) => command switch
    {
        AssignAlert assign => assign.Assignee,
        AcknowledgeAlert c => c.Note,
        ResolveAlert c => c.Note,
        SuppressAlert c => c.Note,
        ReopenAlert c => c.Note,
        AddAlertNote c => c.Note,
        _ => null,
    };
}
