using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ActivityWatch.Contracts.Alerts;
using ActivityWatch.Delivery.Bus;

namespace ActivityWatch.Delivery.Webhooks;

/// <summary>POSTs one alert to one webhook in its format; a non-2xx answer is a failure the bus retries.</summary>
public sealed class WebhookPoster(IHttpClientFactory clients)
{
    public const string ClientName = "ActivityWatch.Webhooks";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task PostAsync(WebhookOptions webhook, AlertPublished alert, CancellationToken cancellationToken)
    {
        var client = clients.CreateClient(ClientName);
        JsonNode body = string.Equals(webhook.Format, WebhookFormats.Slack, StringComparison.OrdinalIgnoreCase)
            ? SlackPayload.Build(alert)
            : JsonSerializer.SerializeToNode(alert, Json)!;
        using var response = await client.PostAsJsonAsync(webhook.Url, body, Json, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException(
                $"Webhook {WebhookNames.Of(webhook)} answered {(int)response.StatusCode} {response.ReasonPhrase}", null, response.StatusCode);
        }
    }
}
