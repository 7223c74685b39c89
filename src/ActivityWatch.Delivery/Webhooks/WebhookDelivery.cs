namespace ActivityWatch.Delivery.Webhooks;

/// <summary>
/// The highest version of one alert posted to one webhook. Shared in PostgreSQL so that a
/// redelivered or duplicate message is not posted twice, whichever process consumes it.
/// </summary>
public sealed class WebhookDelivery
{
    /// <summary>"{webhook name}/{alert id}".</summary>
    public string Id { get; set; } = "";

    public string Webhook { get; set; } = "";
    public Guid AlertId { get; set; }
    public long Version { get; set; }
    public DateTimeOffset DeliveredAt { get; set; }

    public static string IdFor(string webhook, Guid alertId) => $"{webhook}/{alertId:N}";
}
