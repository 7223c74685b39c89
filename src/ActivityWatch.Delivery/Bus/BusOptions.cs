namespace ActivityWatch.Delivery.Bus;

/// <summary>Configuration section "ActivityWatch:Bus" (env: ActivityWatch__Bus__*).</summary>
public sealed class BusOptions
{
    public const string Section = "ActivityWatch:Bus";

    /// <summary>Set Host to use RabbitMQ; otherwise the bus is in-memory, inside this process.</summary>
    public RabbitMqOptions RabbitMq { get; set; } = new();

    /// <summary>
    /// Starts every queue name. Every ActivityWatch process with the same prefix shares one queue
    /// per consumer type (competing consumers), so each alert is logged and posted once per cluster.
    /// </summary>
    public string QueuePrefix { get; set; } = "activitywatch";

    public IList<WebhookOptions> Webhooks { get; set; } = [];

    public RetryOptions Retry { get; set; } = new();

    /// <summary>
    /// How long one publish attempt of the alert subscription waits for the broker's confirm.
    /// While the broker is down MassTransit keeps reconnecting inside the publish; past this the
    /// subscription backs off and tries the same alerts again, without moving past them.
    /// </summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
