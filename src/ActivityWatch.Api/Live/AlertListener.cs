using System.Threading.Channels;
using ActivityWatch.Monitoring.Alerts;

namespace ActivityWatch.Api.Live;

/// <summary>
/// One live stream's share of the <see cref="AlertBroadcast"/>: the changes the shared poll read
/// since it joined, in order. Its backlog is bounded: a client too slow to keep up is dropped
/// (its stream ends) and catches up from the store when it reconnects with Last-Event-ID.
/// </summary>
public sealed class AlertListener(Action<AlertListener> leave) : IDisposable
{
    public const int Backlog = 1_000;

    private readonly Channel<StoredAlertEvent> _changes = Channel.CreateBounded<StoredAlertEvent>(new BoundedChannelOptions(Backlog) { SingleWriter = true });

    public ChannelReader<StoredAlertEvent> Changes => _changes.Reader;

    internal void Offer(StoredAlertEvent change)
    {
        if (!_changes.Writer.TryWrite(change)) _changes.Writer.TryComplete();
    }

    public void Dispose()
    {
        leave(this);
        _changes.Writer.TryComplete();
    }
}
