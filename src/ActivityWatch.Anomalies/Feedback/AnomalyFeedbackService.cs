using ActivityWatch.Monitoring.Alerts.Lifecycle;
using Marten;

namespace ActivityWatch.Anomalies.Feedback;

/// <summary>
/// "This ml alert is a false positive": suppresses the alert through the alert lifecycle and
/// records its patterns at once (the scoring subscription also records them when any analyst
/// suppresses an ml alert another way, e.g. in the web UI).
/// </summary>
public sealed class AnomalyFeedbackService(IDocumentStore store, AlertLifecycle lifecycle, TimeProvider time)
{
    public async Task<bool> MarkFalsePositiveAsync(Guid alertId, string by, string? note, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        if (!await FeedbackQueries.RecordAsync(session, alertId, by, note, time.GetUtcNow(), cancellationToken)) return false;
        await session.SaveChangesAsync(cancellationToken);
        await lifecycle.HandleAsync(new SuppressAlert(alertId, by, note ?? "false positive"), cancellationToken);
        return true;
    }

    public async Task<IReadOnlyList<AnomalyFeedback>> ListAsync(CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        return await session.Query<AnomalyFeedback>().OrderBy(f => f.At).ToListAsync(cancellationToken);
    }
}
