using ActivityWatch.Delivery.Bus;
using ActivityWatch.Delivery.Logging;
using ActivityWatch.Delivery.Publishing;
using ActivityWatch.Delivery.Webhooks;
using Marten;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ActivityWatch.Delivery;

public static class DeliveryServiceCollectionExtensions
{
    /// <summary>
    /// The bus (in-memory, or RabbitMQ when ActivityWatch:Bus:RabbitMq:Host is set), the shipped
    /// consumers, and the subscription that publishes every raised or updated alert.
    /// </summary>
    public static IServiceCollection AddActivityWatchDelivery(this MartenServiceCollectionExtensions.MartenConfigurationExpression marten, IConfiguration configuration)
    {
        var services = marten.Services;
        services.AddOptions<BusOptions>().BindConfiguration(BusOptions.Section);
        // The transport is chosen once, at registration: read it the same way the options will bind.
        var bus = configuration.GetSection(BusOptions.Section).Get<BusOptions>() ?? new BusOptions();

        services.AddSingleton<WebhookPoster>();
        services.AddSingleton<WebhookDeliveries>();
        // No request logging on this client: IHttpClientFactory's logs the URL of every request at
        // Information, and a webhook's URL is its secret (Slack's token is in the path).
        services.AddHttpClient(WebhookPoster.ClientName, (sp, client) =>
                client.Timeout = sp.GetRequiredService<IOptions<BusOptions>>().Value.Retry.WebhookTimeout)
            .RemoveAllLoggers();

        services.ConfigureMarten(options => options.Schema.For<WebhookDelivery>().Identity(d => d.Id));
        // Built by the container (the bus, options and logger are injected) and registered with the
        // daemon like any subscription: HotCold across nodes, progress stored with the daemon's.
        marten.AddSubscriptionWithServices<PublishAlertsSubscription>(
            ServiceLifetime.Singleton, subscription => subscription.Options.BatchSize = 500);

        services.AddMassTransit(x =>
        {
            // No per-process part in the names: every process shares one queue per consumer type.
            x.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(bus.QueuePrefix, false));
            x.AddConsumer<LogAlertConsumer>();
            x.AddConsumer<WebhookAlertConsumer, WebhookAlertConsumerDefinition>();

            if (bus.RabbitMq.Enabled)
            {
                x.UsingRabbitMq((context, cfg) =>
                {
                    var rabbit = context.GetRequiredService<IOptions<BusOptions>>().Value.RabbitMq;
                    cfg.Host(rabbit.Host, rabbit.Port, rabbit.VirtualHost, host =>
                    {
                        host.Username(rabbit.Username);
                        host.Password(rabbit.Password);
                    });
                    cfg.ConfigureEndpoints(context);
                });
            }
            else
            {
                x.UsingInMemory((context, cfg) => cfg.ConfigureEndpoints(context));
            }
        });
        return services;
    }
}
