using ActivityWatch.Delivery.Logging;
using ActivityWatch.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ActivityWatch.Delivery.Tests.Support;

/// <summary>
/// A real ActivityWatch host (own PostgreSQL schema) whose bus is in-memory, or on a RabbitMQ
/// virtual host of its own; it records what its consumers finished and what LogAlertConsumer logged.
/// </summary>
public sealed class DeliveryHost : IAsyncDisposable
{
    public const string LogQueue = "log-alert";
    public const string WebhookQueue = "webhook-alert";

    private readonly Dictionary<string, string?>? _rabbitMq;

    private DeliveryHost(TestHost host, ConsumedAlerts consumed, CapturedLogs logs, Dictionary<string, string?>? rabbitMq)
    {
        Host = host;
        Consumed = consumed;
        Logs = logs;
        _rabbitMq = rabbitMq;
    }

    public TestHost Host { get; }
    public ConsumedAlerts Consumed { get; }
    public CapturedLogs Logs { get; }

    public static async Task<DeliveryHost> StartAsync(
        string name, bool rabbitMq, IReadOnlyList<(string Url, string Format)>? webhooks = null, string? schema = null)
    {
        var settings = rabbitMq ? await RabbitMqBroker.NewVirtualHostAsync(name) : new Dictionary<string, string?>();
        var bus = new Dictionary<string, string?>(settings)
        {
            // Fast retries keep the retry tests short; production waits longer.
            ["ActivityWatch:Bus:Retry:Limit"] = "5",
            ["ActivityWatch:Bus:Retry:MinInterval"] = "00:00:00.100",
            ["ActivityWatch:Bus:Retry:MaxInterval"] = "00:00:01",
            ["ActivityWatch:Bus:Retry:IntervalDelta"] = "00:00:00.100",
        };
        for (var i = 0; i < (webhooks?.Count ?? 0); i++)
        {
            bus[$"ActivityWatch:Bus:Webhooks:{i}:Url"] = webhooks![i].Url;
            bus[$"ActivityWatch:Bus:Webhooks:{i}:Format"] = webhooks[i].Format;
        }

        var consumed = new ConsumedAlerts();
        var logs = new CapturedLogs(typeof(LogAlertConsumer).FullName!);
        var host = await TestHost.StartAsync(name, settings: bus, schema: schema, configure: builder =>
        {
            builder.Services.AddConsumeObserver(_ => consumed);
            builder.Logging.AddProvider(logs);
            // The log consumer writes at Information, which `serve` and `watch` show and batch hosts do not.
            builder.Logging.AddFilter(typeof(LogAlertConsumer).FullName, LogLevel.Information);
        });
        return new DeliveryHost(host, consumed, logs, rabbitMq ? settings : null);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        if (_rabbitMq is not null) await RabbitMqBroker.DeleteVirtualHostAsync(_rabbitMq);
    }
}
