using ActivityWatch.Monitoring.Alerts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ActivityWatch.Api.Live;

/// <summary>
/// One database poll for every live stream in this process, however many are open: it reads the
/// new alert events every <see cref="ApiOptions.LivePollInterval"/> and hands each to every
/// listener. It runs only while someone listens, starting at the first listener's position.
/// </summary>
public sealed class AlertBroadcast(AlertFeed feed, IOptions<ApiOptions> options, ILogger<AlertBroadcast> logger) : IDisposable
{
    public const int PageSize = 100;

    private readonly Lock _gate = new();
    private readonly List<AlertListener> _listeners = [];
    private readonly CancellationTokenSource _disposed = new();
    private bool _polling;

    /// <summary>
    /// Joins the broadcast. A poll already running may be ahead of <paramref name="position"/> or
    /// behind it: the caller first reads the store from its own position until it is level
    /// (<see cref="AlertFeed.ReadAfterAsync"/>), then takes the listener's changes past what it sent.
    /// </summary>
    public AlertListener Listen(long position)
    {
        var listener = new AlertListener(Leave);
        lock (_gate)
        {
            _listeners.Add(listener);
            if (!_polling && !_disposed.IsCancellationRequested)
            {
                _polling = true;
                _ = Task.Run(() => PollAsync(position));
            }
        }
        return listener;
    }

    private void Leave(AlertListener listener)
    {
        lock (_gate) _listeners.Remove(listener);
    }

    private async Task PollAsync(long position)
    {
        while (true)
        {
            AlertListener[] listeners;
            lock (_gate)
            {
                if (_listeners.Count == 0 || _disposed.IsCancellationRequested)
                {
                    _polling = false;
                    return;
                }
                listeners = [.. _listeners];
            }
            IReadOnlyList<StoredAlertEvent> changes = [];
            try
            {
                changes = await feed.ReadAfterAsync(position, PageSize, _disposed.Token);
            }
            catch (Exception e) when (!_disposed.IsCancellationRequested)
            {
                // PostgreSQL away for a moment: the streams stay open and the next poll resumes from the same position.
                logger.LogWarning(e, "Reading new alert events for the live streams failed");
            }
            catch (OperationCanceledException)
            {
            }
            foreach (var change in changes)
            {
                position = change.Sequence;
                foreach (var listener in listeners) listener.Offer(change);
            }
            if (changes.Count == PageSize) continue;
            try
            {
                await Task.Delay(options.Value.LivePollInterval, _disposed.Token);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    public void Dispose()
    {
        _disposed.Cancel();
        AlertListener[] listeners;
        lock (_gate) listeners = [.. _listeners];
        foreach (var listener in listeners) listener.Dispose();
    }
}
