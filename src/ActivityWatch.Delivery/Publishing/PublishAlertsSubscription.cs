using ActivityWatch.Contracts.Alerts;
using ActivityWatch.Delivery.Bus;
using ActivityWatch.Monitoring.Alerts;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Subscriptions;
using MassTransit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ActivityWatch.Delivery.Publishing;

/// <summary>
/// Publishes an <see cref="AlertPublished"/> for every AlertRaised and AlertUpdated. It runs under
/// the async daemon, so across nodes one process at a time holds it (HotCold), and its progress
/// is stored with the daemon's. One instance per process, built by the container
/// (<c>AddSubscriptionWithServices</c>, singleton): it keeps whether the bus's endpoints were seen ready.
/// </summary>
/// <remarks>
/// Why a retry loop here instead of letting the exception reach the daemon: with the daemon's
/// default error policy (SkipApplyErrors) an exception thrown from a subscription is recorded as a
/// dead letter and the subscription moves on, which would lose the alert. Retrying the page
/// until every publish is confirmed by the broker keeps the subscription's position where it is
/// while the broker is down; the daemon only records progress once this method returns. When the
/// daemon stops the agent (shutdown, or leadership moving to another node), the token is
/// cancelled, nothing is recorded, and whoever runs the subscription next starts at the same
/// page. Messages published before a failure may go out again: consumers are idempotent on
/// (AlertId, Version).
/// </remarks>
public sealed class PublishAlertsSubscription : SubscriptionBase
{
    public const string SubscriptionName = "AlertDelivery";

    private readonly IBusControl _bus;
    private readonly ILogger<PublishAlertsSubscription> _logger;
    private readonly TimeSpan _publishTimeout;
    private readonly TimeSpan _maxBackoff;
    private bool _endpointsReady;

    public PublishAlertsSubscription(IBusControl bus, IOptions<BusOptions> options, ILogger<PublishAlertsSubscription> logger)
    {
        _bus = bus;
        _logger = logger;
        _publishTimeout = options.Value.PublishTimeout;
        _maxBackoff = options.Value.Retry.MaxInterval;
        Name = SubscriptionName;
        IncludeType<AlertRaised>();
        IncludeType<AlertUpdated>();
    }

    public override async Task<IChangeListener> ProcessEventsAsync(
        EventRange page, ISubscriptionController controller, IDocumentOperations operations, CancellationToken cancellationToken)
    {
        if (page.Events.Count == 0) return NullChangeListener.Instance;
        var messages = await BuildAsync(page.Events, operations, cancellationToken);
        if (messages.Count == 0) return NullChangeListener.Instance;

        var backoff = TimeSpan.FromMilliseconds(250);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (!_endpointsReady) _endpointsReady = await WaitUntilReadyAsync(_bus, _publishTimeout, cancellationToken);
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(_publishTimeout);
                // With publisher confirms (MassTransit's RabbitMQ default) each task completes once the broker holds the message.
                await Task.WhenAll(messages.Select(m => _bus.Publish(m, timeout.Token)));
                if (attempt > 1) _logger.LogInformation("Published {Count} alert messages after {Attempts} attempts", messages.Count, attempt);
                return NullChangeListener.Instance;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                _logger.LogWarning(ex, "Publishing {Count} alert messages failed (attempt {Attempt}); retrying in {Backoff}", messages.Count, attempt, backoff);
                await Task.Delay(backoff, cancellationToken);
                backoff = TimeSpan.FromTicks(Math.Min(_maxBackoff.Ticks, backoff.Ticks * 2));
            }
        }
    }

    /// <summary>
    /// Waits, at most <paramref name="limit"/>, for every receive endpoint to be up, once per
    /// process. On a new broker (or virtual host) the consumer queues and their bindings only
    /// exist once the endpoints have started, and RabbitMQ drops a message published to an
    /// exchange with no queue bound yet. Later outages do not need this: the queues are durable
    /// and stay bound. Past the limit the publish is tried anyway, so one faulted endpoint does
    /// not hold every other consumer's alerts back.
    /// </summary>
    private static async Task<bool> WaitUntilReadyAsync(IBusControl bus, TimeSpan limit, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + limit;
        while (bus.CheckHealth().Status != BusHealthStatus.Healthy)
        {
            if (DateTime.UtcNow > deadline) return false;
            await Task.Delay(50, cancellationToken);
        }
        return true;
    }

    /// <summary>One message per alert event in the page, each from its alert folded up to that version.</summary>
    private static async Task<List<AlertPublished>> BuildAsync(IReadOnlyList<IEvent> events, IDocumentOperations operations, CancellationToken cancellationToken)
    {
        var messages = new List<AlertPublished>(events.Count);
        foreach (var stream in events.GroupBy(e => e.StreamKey ?? e.StreamId.ToString()))
        {
            var wanted = stream.Select(e => e.Version).ToHashSet();
            var first = stream.First();
            // One read per alert stream per page: alerts are few and short, so the whole stream is cheap.
            var history = first.StreamKey is { } key
                ? await operations.Events.FetchStreamAsync(key, version: wanted.Max(), token: cancellationToken)
                : await operations.Events.FetchStreamAsync(first.StreamId, version: wanted.Max(), token: cancellationToken);
            messages.AddRange(AlertMessages.Build(history, wanted));
        }
        return messages;
    }
}
