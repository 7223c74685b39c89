using ActivityWatch.Delivery.Bus;
using MassTransit;
using Microsoft.Extensions.Options;

namespace ActivityWatch.Delivery.Webhooks;

/// <summary>
/// Webhooks fail for a while (a 502 from a proxy, a rate limit): retry in the consumer with
/// exponential backoff. The message stays unacknowledged on the queue meanwhile, so a crash
/// hands it to another process.
/// </summary>
public sealed class WebhookAlertConsumerDefinition : ConsumerDefinition<WebhookAlertConsumer>
{
    private readonly RetryOptions _retry;

    public WebhookAlertConsumerDefinition(IOptions<BusOptions> options)
    {
        _retry = options.Value.Retry;
        // Posts hold a database connection each (the delivery lock): keep them few per process.
        ConcurrentMessageLimit = 8;
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<WebhookAlertConsumer> consumerConfigurator, IRegistrationContext context)
    {
        endpointConfigurator.UseMessageRetry(r => r.Exponential(_retry.Limit, _retry.MinInterval, _retry.MaxInterval, _retry.IntervalDelta));
    }
}
