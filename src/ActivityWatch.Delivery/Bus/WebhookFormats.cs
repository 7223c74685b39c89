namespace ActivityWatch.Delivery.Bus;

public static class WebhookFormats
{
    public const string Json = "json";
    public const string Slack = "slack";
}
