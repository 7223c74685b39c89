using ActivityWatch.Delivery.Tests.Support;
using ActivityWatch.Testing;
using Microsoft.Extensions.Logging;

namespace ActivityWatch.Delivery.Tests.Webhooks;

/// <summary>
/// A webhook's URL is its secret (Slack puts the token in the path): no log line of a delivery,
/// at any level, may hold it, whether the post succeeds, is retried or cannot connect at all.
/// </summary>
public sealed class WebhookSecretsTests
{
    [Fact]
    public async Task Delivery_SucceedingRetriedAndFailing_LogsNoWebhookUrl()
    {
        // Slack's shape: https://hooks.slack.com/services/T.../B.../<secret>.
        await using var slack = new WebhookServer(failFirst: 2, path: "services/T0SECRETWS/B0SECRETWS/xoxSECRETpathTOKEN/");
        var unreachable = $"http://127.0.0.1:{WebhookServer.FreePort()}/services/T1SECRETWS/B1SECRETWS/deadSECRETpathTOKEN/";
        var logs = new AllLogs();
        var settings = new Dictionary<string, string?>
        {
            ["ActivityWatch:Bus:Webhooks:0:Url"] = slack.Url,
            ["ActivityWatch:Bus:Webhooks:0:Format"] = "slack",
            ["ActivityWatch:Bus:Webhooks:1:Url"] = unreachable,
            ["ActivityWatch:Bus:Retry:Limit"] = "3",
            ["ActivityWatch:Bus:Retry:MinInterval"] = "00:00:00.100",
            ["ActivityWatch:Bus:Retry:MaxInterval"] = "00:00:00.300",
            ["ActivityWatch:Bus:Retry:IntervalDelta"] = "00:00:00.100",
        };
        await using (var host = await TestHost.StartAsync(nameof(Delivery_SucceedingRetriedAndFailing_LogsNoWebhookUrl), settings: settings, configure: builder =>
        {
            builder.Logging.AddProvider(logs);
            builder.Logging.AddFilter<AllLogs>(null, LogLevel.Trace);
        }))
        {
            var raised = Alerts.Raised();
            await Alerts.AppendAsync(host.Store, raised.AlertId, raised);

            await slack.WaitForAsync(1);
            // The unreachable hook fails every attempt: wait until its failures were logged with their exceptions.
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (logs.Entries.Count(e => e.Contains("Posting alert", StringComparison.Ordinal) && e.Contains("HttpRequestException", StringComparison.Ordinal)) < 2)
            {
                Assert.True(DateTime.UtcNow < deadline, "the unreachable webhook's failures were never logged");
                await Task.Delay(100);
            }
        }

        var entries = logs.Entries;
        // The capture saw below Warning (where IHttpClientFactory logs request URLs), not only the failures.
        Assert.Contains(entries, e => e.StartsWith("Debug ", StringComparison.Ordinal) || e.StartsWith("Information ", StringComparison.Ordinal));
        foreach (var secret in new[] { "T0SECRETWS", "B0SECRETWS", "xoxSECRETpathTOKEN", "T1SECRETWS", "B1SECRETWS", "deadSECRETpathTOKEN", "/services/" })
        {
            var leaks = entries.Where(e => e.Contains(secret, StringComparison.OrdinalIgnoreCase)).ToList();
            Assert.True(leaks.Count == 0, $"'{secret}' appears in {leaks.Count} log entries, e.g. {leaks.FirstOrDefault()}");
        }
    }
}
