using System.Diagnostics.Metrics;
using ActivityWatch.Monitoring.Alerts;

namespace ActivityWatch.Api.Live;

/// <summary>
/// Reads alert events from the event store (<see cref="AlertEventLog"/>) after a sequence number.
/// Reading the store rather than an in-process bus means an alert raised by any process (a
/// watcher, another API node) reaches every browser; the sequence is the resume point a
/// reconnecting client sends as Last-Event-ID. Every read the live streams make is this class's
/// <see cref="ReadAfterAsync"/> (the shared poll of <see cref="AlertBroadcast"/> and each stream's
/// catch-up), counted as <c>activitywatch.live.reads</c>.
/// </summary>
public sealed class AlertFeed(AlertEventLog events, IMeterFactory meters)
{
    public const string MeterName = "ActivityWatch.Api.Live";

    private readonly Counter<long> _reads = meters.Create(MeterName).CreateCounter<long>("activitywatch.live.reads", description: "Reads of new alert events for live streams");

    public Task<long> LatestSequenceAsync(CancellationToken cancellationToken) => events.LatestSequenceAsync(cancellationToken);

    /// <summary>The alert events after <paramref name="after"/>, in order: the one query the live streams read with.</summary>
    public Task<IReadOnlyList<StoredAlertEvent>> ReadAfterAsync(long after, int limit, CancellationToken cancellationToken)
    {
        _reads.Add(1);
        return events.ReadAfterAsync(after, limit, cancellationToken);
    }
}
