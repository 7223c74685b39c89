using Marten;
using JasperFx;
using JasperFx.Events;

namespace ActivityWatch.Monitoring.Alerts.Lifecycle;

/// <summary>Carries out analyst commands: load the alert, decide, append with a version check.</summary>
public sealed class AlertLifecycle(IDocumentStore store, TimeProvider time)
{
    public async Task<(Alert? Alert, AlertDecision Decision)> HandleAsync(AlertCommand command, CancellationToken cancellationToken)
    {
        // One retry: the live path may have appended new evidence between our read and our write.
        for (var attempt = 0; ; attempt++)
        {
            await using var session = store.LightweightSession();
            var alert = await session.LoadAsync<Alert>(command.AlertId.ToString(), cancellationToken);
            var decision = AlertDecisions.Decide(command, alert, time.GetUtcNow());
            if (!decision.Accepted) return (alert, decision);
            AlertStreams.Append(session, alert!, checkVersion: true, [.. decision.Events]);
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
}
