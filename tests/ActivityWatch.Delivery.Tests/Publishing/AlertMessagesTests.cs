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

    [Fact]
    public void Build_SuppressedAlert_IsNotDelivered_UntilReopened()
    {
        var raised = Alerts.Raised(eventIds: "a") with { SuppressedBy = "break-glass" };
        var stream = Stream(
            raised,
            Alerts.Updated(raised.AlertId, 2, 1, "b") with { Suppressed = true },
            new AlertReopened(raised.AlertId, "ana", "not the break-glass user", Alerts.T0),
            Alerts.Updated(raised.AlertId, 3, 2, "c"));

        var message = Assert.Single(AlertMessages.Build(stream, new HashSet<long> { 1, 2, 4 }));

        Assert.Equal(4, message.Version);
        Assert.Equal(["a", "b", "c"], message.EventIds);
    }

    [Fact]
    public void Build_CarriesTheTriggersAppendTime_AndAnEarlierFirstSeenFromReplay()
    {
        var raised = Alerts.Raised(eventIds: "a") with { RecordAppendedAt = Alerts.T0.AddHours(1) };
        var stream = Stream(
            raised,
            Alerts.Updated(raised.AlertId, 2, 1, "b") with { FirstSeen = Alerts.T0.AddDays(-1), RecordAppendedAt = Alerts.T0.AddHours(2) });

        var messages = AlertMessages.Build(stream, new HashSet<long> { 1, 2 }).ToArray();

        Assert.Equal(Alerts.T0.AddHours(1), messages[0].TriggerAppendedAt);
        Assert.Equal(Alerts.T0.AddHours(2), messages[1].TriggerAppendedAt);
        Assert.Equal(Alerts.T0.AddDays(-1), messages[1].FirstSeen);
    }

    private static IEnumerable<IEvent> Stream(params object[] events) =>
        events.Select((data, i) => (IEvent)new Event<object>(data) { Version = i + 1 });
}
