namespace ActivityWatch.Delivery.Bus;

/// <summary>One entry of "ActivityWatch:Bus:Webhooks" (env: ActivityWatch__Bus__Webhooks__0__Url, ...).</summary>
public sealed class WebhookOptions
{
    public string Url { get; set; } = "";

    /// <summary>"json" (the AlertPublished message as is) or "slack" (text and blocks).</summary>
    public string Format { get; set; } = WebhookFormats.Json;

    /// <summary>
    /// Names the webhook in the delivery records. Defaults to a hash of the URL: Slack webhook
    /// URLs carry their secret in the path, and the database should not hold it.
    /// </summary>
    public string? Name { get; set; }
}
