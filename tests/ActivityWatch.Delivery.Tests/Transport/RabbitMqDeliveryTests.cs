using ActivityWatch.Delivery.Tests.Support;

namespace ActivityWatch.Delivery.Tests.Transport;

/// <summary>Delivery through the real RabbitMQ; this collection stops the broker, so its tests never overlap.</summary>
[Collection(RabbitMqCollection.Name)]
public sealed class RabbitMqDeliveryTests
{
    [Fact]
    public async Task AlertRaised_AppendedToTheStore_IsConsumedThroughRabbitMq()
    {
        await using var delivery = await DeliveryHost.StartAsync(nameof(AlertRaised_AppendedToTheStore_IsConsumedThroughRabbitMq), rabbitMq: true);
        var raised = Alerts.Raised();

        await Alerts.AppendAsync(delivery.Host.Store, raised.AlertId, raised);

        var logged = await delivery.Consumed.WaitForAsync(DeliveryHost.LogQueue, seen => seen.Count >= 1);
        var alert = Assert.Single(logged);
        Assert.Equal(raised.AlertId, alert.AlertId);
        Assert.Equal(1, alert.Version);
        var queue = Assert.Single(delivery.Consumed.All, c => c.Queue.AbsolutePath.EndsWith(DeliveryHost.LogQueue)).Queue;
        Assert.Equal("rabbitmq", queue.Scheme);
        Assert.Contains(delivery.Logs.Lines, line => Equals(line.Fields["AlertId"], raised.AlertId));
    }

    [Fact]
    public async Task BrokerDown_AlertsRaisedMeanwhile_AreAllDeliveredOnceItIsBack()
    {
        await using var webhook = new WebhookServer();
        await using var delivery = await DeliveryHost.StartAsync(
            nameof(BrokerDown_AlertsRaisedMeanwhile_AreAllDeliveredOnceItIsBack), rabbitMq: true, webhooks: [(webhook.Url, "json")]);
        var before = Alerts.Raised();
        await Alerts.AppendAsync(delivery.Host.Store, before.AlertId, before);
        await delivery.Consumed.WaitForAsync(DeliveryHost.LogQueue, seen => seen.Count >= 1);

        var whileDown = Enumerable.Range(0, 5).Select(_ => Alerts.Raised()).ToArray();
        await RabbitMqBroker.StopAsync();
        try
        {
            foreach (var alert in whileDown) await Alerts.AppendAsync(delivery.Host.Store, alert.AlertId, alert);
            // Long enough for the subscription to pick the alerts up and fail to publish them.
            await Task.Delay(TimeSpan.FromSeconds(5));
        }
        finally
        {
            await RabbitMqBroker.StartAsync();
        }

        var expected = whileDown.Select(a => a.AlertId).Append(before.AlertId).ToHashSet();
        var logged = await delivery.Consumed.WaitForAsync(
            DeliveryHost.LogQueue, seen => expected.IsSubsetOf(seen.Select(a => a.AlertId)), TimeSpan.FromSeconds(120));
        Assert.Superset(expected, logged.Select(a => a.AlertId).ToHashSet());
        var posted = await webhook.WaitForAsync(expected.Count, TimeSpan.FromSeconds(120));
        Assert.Equal(expected, posted.Select(p => Guid.Parse((string)p["alertId"]!)).ToHashSet());
    }
}
