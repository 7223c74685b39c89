using System.Globalization;
using System.Text.Json.Nodes;
using ActivityWatch.Contracts.Alerts;

namespace ActivityWatch.Delivery.Webhooks;

/// <summary>
/// A Slack incoming-webhook body: <c>text</c> (the notification and fallback line) and Block Kit
/// <c>blocks</c>. Limits from Slack's Block Kit reference: header text 150 characters, a section
/// field 2,000, a section text 3,000, at most 10 fields. mrkdwn needs &amp;, &lt; and &gt; escaped.
/// </summary>
public static class SlackPayload
{
    public static JsonObject Build(AlertPublished alert)
    {
        var severity = alert.Severity.ToUpperInvariant();
        var verb = alert.Change == "raised" ? "raised" : "updated";
        var text = $"[{severity}] {alert.Title}: {alert.Principal} ({alert.Count}x, alert {verb})";
        var cis = alert.Cis.Count > 0 ? $" · CIS {string.Join(", ", alert.Cis)}" : "";

        var blocks = new JsonArray
        {
            new JsonObject
            {
                ["type"] = "header",
                ["text"] = PlainText(Truncate($"{severity}: {alert.Title}", 150)),
            },
            new JsonObject
            {
                ["type"] = "section",
                ["fields"] = new JsonArray
                {
                    Field("Severity", alert.Severity),
                    Field("Rule", alert.RuleId),
                    Field("Principal", alert.Principal),
                    Field("Account", alert.AccountId ?? "unknown"),
                    Field("Count", alert.Count.ToString(CultureInfo.InvariantCulture)),
                    Field("Status", verb),
                    Field("First seen", Time(alert.FirstSeen)),
                    Field("Last seen", Time(alert.LastSeen)),
                },
            },
        };
        if (!string.IsNullOrWhiteSpace(alert.Explanation))
        {
            blocks.Add(new JsonObject { ["type"] = "section", ["text"] = Mrkdwn(Truncate(Escape(alert.Explanation), 3000)) });
        }
        blocks.Add(new JsonObject
        {
            ["type"] = "context",
            ["elements"] = new JsonArray { Mrkdwn(Escape($"alert {alert.AlertId} · version {alert.Version}{cis}")) },
        });

        return new JsonObject { ["text"] = Escape(text), ["blocks"] = blocks };
    }

    private static JsonObject Field(string name, string value) => Mrkdwn($"*{name}*\n{Truncate(Escape(value), 1900)}");

    private static JsonObject Mrkdwn(string text) => new() { ["type"] = "mrkdwn", ["text"] = text };

    private static JsonObject PlainText(string text) => new() { ["type"] = "plain_text", ["text"] = text };

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    private static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
