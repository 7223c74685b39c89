using System.Security.Cryptography;
using System.Text;
using ActivityWatch.Delivery.Bus;

namespace ActivityWatch.Delivery.Webhooks;

public static class WebhookNames
{
    /// <summary>The configured name, else "url-" and a hash of the URL: the URL itself may hold a secret.</summary>
    public static string Of(WebhookOptions webhook) =>
        !string.IsNullOrWhiteSpace(webhook.Name)
            ? webhook.Name
            : "url-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(webhook.Url)))[..16];
}
