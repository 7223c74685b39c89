using ActivityWatch.Contracts.Alerts;
using ActivityWatch.Delivery.Tests.Support;
using ActivityWatch.Delivery.Webhooks;
using MassTransit;

namespace ActivityWatch.Delivery.Tests.Webhooks;

/// <summary>Webhook delivery to a real HTTP listener on 127.0.0.1, from alerts appended to the real store.</summary>
public sealed class WebhookDeliveryTests
{
    [Fact]
    public async Task JsonWebhook_ReceivesTheAlertMessage()
    {
        await using var webhook = new WebhookServer();
        await using var delivery = await DeliveryHost.StartAsync(nameof(JsonWebhook_ReceivesTheAlertMessage), rabbitMq: false, webhooks: [(webhook.Url, "json")]);
        var raised = Alerts.Raised(eventIds: "ev-1");

        await Alerts.AppendAsync(delivery.Host.Store, raised.AlertId, raised);

        var body = Assert.Single(await webhook.WaitForAsync(1));
        Assert.Equal(raised.AlertId, Guid.Parse((string)body["alertId"]!));
        Assert.Equal(1, (long)body["version"]!);
        Assert.Equal("raised", (string)body["change"]!);
        Assert.Equal("root-console-signin", (string)body["ruleId"]!);
        Assert.Equal("high", (string)body["severity"]!);
        Assert.Equal("arn:aws:iam::123456789012:root", (string)body["principal"]!);
        Assert.Equal(1, (int)body["count"]!);
        Assert.Equal("ev-1", (string)body["eventIds"]![0]!);
        Assert.Equal("5.3", (string)body["cis"]![0]!);
        Assert.Equal(Alerts.T0, DateTimeOffset.Parse((string)body["firstSeen"]!));
    }

    [Fact]
    public async Task SlackWebhook_ReceivesTextAndBlocks_WithSeverityRulePrincipalCountAndTimes()
    {
        await using var webhook = new WebhookServer();
        await using var delivery = await DeliveryHost.StartAsync(
            nameof(SlackWebhook_ReceivesTextAndBlocks_WithSeverityRulePrincipalCountAndTimes), rabbitMq: false, webhooks: [(webhook.Url, "slack")]);
        var raised = Alerts.Raised();

        await Alerts.AppendAsync(delivery.Host.Store, raised.AlertId, raised);

        var body = Assert.Single(await webhook.WaitForAsync(1));
        Assert.StartsWith("[HIGH] Root console sign-in: arn:aws:iam::123456789012:root", (string)body["text"]!);
        var blocks = body["blocks"]!.AsArray();
        Assert.Equal("header", (string)blocks[0]!["type"]!);
        var fields = blocks[1]!["fields"]!.AsArray().Select(f => (string)f!["text"]!).ToArray();
        Assert.Contains("*Severity*\nhigh", fields);
        Assert.Contains("*Rule*\nroot-console-signin", fields);
        Assert.Contains("*Principal*\narn:aws:iam::123456789012:root", fields);
        Assert.Contains("*Count*\n1", fields);
        Assert.Contains("*First seen*\n2026-11-02 08:00:00 UTC", fields);
        Assert.Contains("*Last seen*\n2026-11-02 08:00:00 UTC", fields);
        // Slack mrkdwn: <, > and & are control characters and must arrive escaped.
        Assert.Contains("&lt;without&gt;", (string)blocks[2]!["text"]!["text"]!);
        Assert.Contains("&amp;", (string)blocks[2]!["text"]!["text"]!);
    }

    [Fact]
    public async Task WebhookFailingTwice_IsRetried_AndPostedOnce()
    {
        await using var webhook = new WebhookServer(failFirst: 2);
        await using var delivery = await DeliveryHost.StartAsync(nameof(WebhookFailingTwice_IsRetried_AndPostedOnce), rabbitMq: false, webhooks: [(webhook.Url, "json")]);
        var raised = Alerts.Raised();

        await Alerts.AppendAsync(delivery.Host.Store, raised.AlertId, raised);

        var body = Assert.Single(await webhook.WaitForAsync(1));
        Assert.Equal(raised.AlertId, Guid.Parse((string)body["alertId"]!));
        Assert.Equal(3, webhook.Attempts);
        // The consumer records the delivery after the POST succeeds: wait for it to finish, not just for the POST.
        await delivery.Consumed.WaitForAsync(DeliveryHost.WebhookQueue, seen => seen.Count >= 1);
        var record = await delivery.Host.Get<WebhookDeliveries>().FindAsync(WebhookNameFor(webhook), raised.AlertId, CancellationToken.None);
        Assert.Equal(1, record?.Version);
    }

    [Fact]
    public async Task DuplicateMessages_OnTwoProcessesSharingTheStore_ArePostedOnce()
    {
        await using var webhook = new WebhookServer();
        await using var first = await DeliveryHost.StartAsync(nameof(DuplicateMessages_OnTwoProcessesSharingTheStore_ArePostedOnce), rabbitMq: false, webhooks: [(webhook.Url, "json")]);
        await using var second = await DeliveryHost.StartAsync("duplicate-second", rabbitMq: false, webhooks: [(webhook.Url, "json")], schema: first.Host.Schema);
        var message = Message(version: 1);

        // The same message three times on one bus and twice on the other, as after a broker outage.
        var publishes = Enumerable.Range(0, 3).Select(_ => first.Host.Get<IBus>().Publish(message))
            .Concat(Enumerable.Range(0, 2).Select(_ => second.Host.Get<IBus>().Publish(message)));
        await Task.WhenAll(publishes);

        await first.Consumed.WaitForAsync(DeliveryHost.WebhookQueue, seen => seen.Count >= 3);
        await second.Consumed.WaitForAsync(DeliveryHost.WebhookQueue, seen => seen.Count >= 2);
        Assert.Single(webhook.Received);
    }

    [Fact]
    public async Task OlderVersion_ArrivingAfterANewerOne_IsNotPosted()
    {
        await using var webhook = new WebhookServer();
        await using var delivery = await DeliveryHost.StartAsync(nameof(OlderVersion_ArrivingAfterANewerOne_IsNotPosted), rabbitMq: false, webhooks: [(webhook.Url, "json")]);
        var bus = delivery.Host.Get<IBus>();
        var newer = Message(version: 2);

        await bus.Publish(newer);
        await delivery.Consumed.WaitForAsync(DeliveryHost.WebhookQueue, seen => seen.Count >= 1);
        await bus.Publish(newer with { Version = 1, Count = 1 });
        await delivery.Consumed.WaitForAsync(DeliveryHost.WebhookQueue, seen => seen.Count >= 2);

        var body = Assert.Single(webhook.Received);
        Assert.Equal(2, (long)body["version"]!);
    }

    private static string WebhookNameFor(WebhookServer webhook) => WebhookNames.Of(new Bus.WebhookOptions { Url = webhook.Url });

    private static AlertPublished Message(long version) => new()
    {
        AlertId = Guid.NewGuid(),
        Version = version,
        Change = version == 1 ? "raised" : "updated",
        RuleId = "root-console-signin",
        Title = "Root console sign-in",
        Severity = "high",
        Cis = ["5.3"],
        Mitre = [],
        Principal = "arn:aws:iam::123456789012:root",
        AccountId = "123456789012",
        FirstSeen = Alerts.T0,
        LastSeen = Alerts.T0,
        Count = (int)version,
        EventIds = ["ev-1"],
        Explanation = "test",
    };
}
