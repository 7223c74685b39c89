using System.Collections.Concurrent;
using ActivityWatch.Contracts.Alerts;
using MassTransit;

namespace ActivityWatch.Delivery.Tests.Support;

/// <summary>Sees every AlertPublished a consumer of the host finished, with the queue it came from.</summary>
public sealed class ConsumedAlerts : IConsumeObserver
{
    private readonly ConcurrentQueue<(Uri Queue, AlertPublished Alert, DateTimeOffset At)> _consumed = new();

    public IReadOnlyList<(Uri Queue, AlertPublished Alert, DateTimeOffset At)> All => _consumed.ToArray();

    public IReadOnlyList<AlertPublished> On(string queueSuffix) =>
        All.Where(c => c.Queue.AbsolutePath.EndsWith(queueSuffix, StringComparison.Ordinal)).Select(c => c.Alert).ToArray();

    public async Task<IReadOnlyList<AlertPublished>> WaitForAsync(string queueSuffix, Func<IReadOnlyList<AlertPublished>, bool> done, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var seen = On(queueSuffix);
            if (done(seen)) return seen;
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException(
                    $"Gave up waiting on {queueSuffix}; consumed so far: " +
                    string.Join("; ", All.Select(c => $"{c.Queue.AbsolutePath} {c.Alert.AlertId} v{c.Alert.Version}")));
            }
            await Task.Delay(50);
        }
    }

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        if (context.Message is AlertPublished alert) _consumed.Enqueue((context.ReceiveContext.InputAddress, alert, DateTimeOffset.UtcNow));
        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;
}
