using ActivityWatch.Delivery.Publishing;
using ActivityWatch.Delivery.Tests.Support;
using ActivityWatch.Monitoring.Alerts;
using JasperFx.Events;

namespace ActivityWatch.Delivery.Tests.Publishing;

public sealed class AlertMessagesTests
{
    [Fact]
    public void Build_OnlyForWantedVersions_EachCumulativeUpToItsVersion()
    {
        var raised = Alerts.Raised(eventIds: "a");
        var stream = Stream(
            raised,
            Alerts.Updated(raised.AlertId, 2, 1, "b"),
            new AlertAcknowledged(raised.AlertId, "ana", null, Alerts.T0),
            Alerts.Updated(raised.AlertId, 3, 2, "c", "b"));

        var messages = AlertMessages.Build(stream, new HashSet<long> { 2, 4 }).ToArray();

        Assert.Equal([2L, 4L], messages.Select(m => m.Version));
        Assert.Equal(["a", "b"], messages[0].EventIds);
        Assert.Equal(["a", "b", "c"], messages[1].EventIds);
        Assert.Equal(3, messages[1].Count);
        Assert.Equal(Alerts.T0.AddMinutes(2), messages[1].LastSeen);
        Assert.All(messages, m => Assert.Equal("updated", m.Change));
    }

    [Fact]
    public void Build_UpdateWithoutARaisedEvent_BuildsNothing()
    {
        var stream = Stream(Alerts.Updated(Guid.NewGuid(), 2, 1, "b"));

        Assert.Empty(AlertMessages.Build(stream, new HashSet<long> { 1 }));
    }

    private static IEnumerable<IEvent> Stream(params object[] events) =>
        events.Select((data, i) => (IEvent)new Event<object>(data) { Version = i + 1 });
}
