using System.Runtime.ExceptionServices;
using ActivityWatch.Contracts.Alerts;
using ActivityWatch.Delivery.Bus;
using MassTransit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ActivityWatch.Delivery.Webhooks;

/// <summary>
/// Posts every alert change to each configured webhook, once per (webhook, alert, version).
/// Every webhook is tried before a failure is rethrown, so one broken webhook does not hold the
/// others back; on the retry the webhooks already served are skipped by their delivery record.
/// </summary>
public sealed class WebhookAlertConsumer(
    IOptions<BusOptions> options, WebhookPoster poster, WebhookDeliveries deliveries, ILogger<WebhookAlertConsumer> logger)
    : IConsumer<AlertPublished>
{
    public async Task Consume(ConsumeContext<AlertPublished> context)
    {
        var alert = context.Message;
        var failures = new List<Exception>();
        foreach (var webhook in options.Value.Webhooks.Where(w => !string.IsNullOrWhiteSpace(w.Url)))
        {
            var name = WebhookNames.Of(webhook);
            try
            {
                var posted = await deliveries.DeliverOnceAsync(
                    name, alert.AlertId, alert.Version, token => poster.PostAsync(webhook, alert, token), context.CancellationToken);
                if (!posted) logger.LogDebug("Alert {AlertId} version {Version} already delivered to {Webhook}", alert.AlertId, alert.Version, name);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !context.CancellationToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Posting alert {AlertId} version {Version} to {Webhook} failed", alert.AlertId, alert.Version, name);
                failures.Add(ex);
            }
        }
        if (failures.Count == 1) ExceptionDispatchInfo.Throw(failures[0]);
        if (failures.Count > 1) throw new AggregateException(failures);
    }
}
