using ActivityWatch.Monitoring.Detections;
using Marten;
using Microsoft.Extensions.Options;

namespace ActivityWatch.Monitoring.Alerts.Raising;

/// <summary>
/// The public way to raise alerts, for detections outside the rule catalogue (the ML scorer's
/// <c>ml.unusual-activity</c>): the hit joins the open alert of its rule and principal within the
/// window, or opens a new one. Changes are part of the caller's session; the caller saves it.
/// </summary>
public sealed class AlertRaiser(IOptions<DetectionOptions> options, TimeProvider time)
{
    public async Task<AlertChange?> RaiseOrUpdateAsync(IDocumentOperations session, DetectionHit hit, CancellationToken cancellationToken = default)
    {
        var batch = await BeginAsync(session, cancellationToken);
        return await batch.RaiseOrUpdateAsync(hit, cancellationToken);
    }

    /// <summary>For many hits in one session: suppressions and each pair's alerts are read once.</summary>
    public Task<AlertBatch> BeginAsync(IDocumentOperations session, CancellationToken cancellationToken = default) =>
        AlertBatch.StartAsync(session, options.Value, time, cancellationToken);
}
