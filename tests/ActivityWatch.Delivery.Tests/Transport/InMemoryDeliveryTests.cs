using ActivityWatch.Delivery.Tests.Support;

namespace ActivityWatch.Delivery.Tests.Transport;

public sealed class InMemoryDeliveryTests
{
    [Fact]
    public async Task WithoutRabbitMqHost_AlertRaised_IsConsumedInMemory()
    {
        await using var delivery = await DeliveryHost.StartAsync(nameof(WithoutRabbitMqHost_AlertRaised_IsConsumedInMemory), rabbitMq: false);
        var raised = Alerts.Raised();

        await Alerts.AppendAsync(delivery.Host.Store, raised.AlertId, raised);

        var alert = Assert.Single(await delivery.Consumed.WaitForAsync(DeliveryHost.LogQueue, seen => seen.Count >= 1));
        Assert.Equal(raised.AlertId, alert.AlertId);
        Assert.Equal("loopback", Assert.Single(delivery.Consumed.All, c => c.Queue.AbsolutePath.EndsWith(DeliveryHost.LogQueue)).Queue.Scheme);
        var line = Assert.Single(delivery.Logs.Lines);
        Assert.Equal("root-console-signin", line.Fields["RuleId"]);
        Assert.Equal("arn:aws:iam::123456789012:root", line.Fields["Principal"]);
    }

    [Fact]
    public async Task AlertUpdated_IsPublishedWithTheStreamVersion_AndCumulativeEvidence()
    {
        await using var delivery = await DeliveryHost.StartAsync(nameof(AlertUpdated_IsPublishedWithTheStreamVersion_AndCumulativeEvidence), rabbitMq: false);
        var raised = Alerts.Raised(eventIds: "ev-1");

        await Alerts.AppendAsync(delivery.Host.Store, raised.AlertId, raised);
        await Alerts.AppendAsync(delivery.Host.Store, raised.AlertId, Alerts.Updated(raised.AlertId, 2, 5, "ev-2"));
        await Alerts.AppendAsync(delivery.Host.Store, raised.AlertId, Alerts.Updated(raised.AlertId, 4, 9, "ev-3", "ev-4"));

        var seen = await delivery.Consumed.WaitForAsync(DeliveryHost.LogQueue, s => s.Count >= 3);
        var latest = seen.Single(a => a.Version == 3);
        Assert.Equal(["raised", "updated", "updated"], seen.OrderBy(a => a.Version).Select(a => a.Change));
        Assert.Equal(4, latest.Count);
        Assert.Equal(["ev-1", "ev-2", "ev-3", "ev-4"], latest.EventIds);
        Assert.Equal(Alerts.T0, latest.FirstSeen);
        Assert.Equal(Alerts.T0.AddMinutes(9), latest.LastSeen);
        Assert.Equal(raised.Explanation, latest.Explanation);
    }
}
