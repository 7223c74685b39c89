using ActivityWatch.Monitoring.Alerts;
using ActivityWatch.Monitoring.Alerts.Lifecycle;
using ActivityWatch.Testing;
using static ActivityWatch.Testing.Records.CloudTrailRecords;

namespace ActivityWatch.Monitoring.Tests.Alerts;

[Collection(AlertsDatabaseCollection.Name)]
public class LifecycleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 3, 9, 0, 0, TimeSpan.Zero);

    private static Alert WithStatus(AlertStatus status) => new() { Id = Guid.Empty.ToString(), Status = status };

    [Theory]
    [InlineData(AlertStatus.Open, true)]
    [InlineData(AlertStatus.Acknowledged, false)]
    [InlineData(AlertStatus.Resolved, false)]
    public void Acknowledge_IsAllowedOnlyWhenOpen(AlertStatus status, bool accepted)
    {
        var decision = AlertDecisions.Decide(new AcknowledgeAlert(Guid.Empty, "ana", "looking"), WithStatus(status), Now);
        Assert.Equal(accepted, decision.Accepted);
        if (accepted) Assert.IsType<AlertAcknowledged>(Assert.Single(decision.Events));
    }

    [Fact]
    public void Reopen_OfAnOpenAlert_IsRefused()
    {
        Assert.False(AlertDecisions.Decide(new ReopenAlert(Guid.Empty, "ana", "x"), WithStatus(AlertStatus.Open), Now).Accepted);
    }

    [Fact]
    public void Suppress_OfAResolvedAlert_IsRefused()
    {
        Assert.False(AlertDecisions.Decide(new SuppressAlert(Guid.Empty, "ana", "x"), WithStatus(AlertStatus.Resolved), Now).Accepted);
    }

    [Fact]
    public void Command_OnAMissingAlert_IsRefused()
    {
        Assert.False(AlertDecisions.Decide(new ResolveAlert(Guid.NewGuid(), "ana", "x"), null, Now).Accepted);
    }

    [Fact]
    public async Task Alert_IsAcknowledgedResolvedAndReopened_WithWhoAndWhy()
    {
        await using var host = await TestHost.StartAsync(nameof(Alert_IsAcknowledgedResolvedAndReopened_WithWhoAndWhy));
        await host.IngestAndSettleAsync(Call(Root(), "ListUsers", time: Monday));
        var id = Assert.Single(await host.AlertsAsync()).AlertId;
        var lifecycle = host.Get<AlertLifecycle>();

        Assert.True((await lifecycle.HandleAsync(new AcknowledgeAlert(id, "ana", "checking with the account owner"), CancellationToken.None)).Decision.Accepted);
        Assert.True((await lifecycle.HandleAsync(new AssignAlert(id, "ana", "bo"), CancellationToken.None)).Decision.Accepted);
        Assert.True((await lifecycle.HandleAsync(new AddAlertNote(id, "bo", "owner confirms billing task"), CancellationToken.None)).Decision.Accepted);
        Assert.True((await lifecycle.HandleAsync(new ResolveAlert(id, "bo", "expected"), CancellationToken.None)).Decision.Accepted);
        Assert.False((await lifecycle.HandleAsync(new ResolveAlert(id, "bo", "again"), CancellationToken.None)).Decision.Accepted);
        var (alert, decision) = await lifecycle.HandleAsync(new ReopenAlert(id, "ana", "same IP seen again"), CancellationToken.None);

        Assert.True(decision.Accepted);
        Assert.Equal(AlertStatus.Open, alert!.Status);
        Assert.Equal("bo", alert.Assignee);
        Assert.Equal(["raised", "acknowledged", "assigned", "note", "resolved", "reopened"], alert.History.Select(h => h.Action));
        Assert.Contains(alert.History, h => h.Action == "resolved" && h.By == "bo" && h.Note == "expected");
        var stream = await host.Store.QuerySession().Events.FetchStreamAsync(alert.Id);
        Assert.Equal(["AlertRaised", "AlertAcknowledged", "AlertAssigned", "AlertNoteAdded", "AlertResolved", "AlertReopened"], stream.Select(e => e.Data.GetType().Name));
    }

    [Fact]
    public async Task NewEvidence_AfterResolution_OpensANewAlert()
    {
        await using var host = await TestHost.StartAsync(nameof(NewEvidence_AfterResolution_OpensANewAlert));
        await host.IngestAndSettleAsync(Call(Root(), "ListUsers", time: Monday));
        var first = Assert.Single(await host.AlertsAsync());
        await host.Get<AlertLifecycle>().HandleAsync(new ResolveAlert(first.AlertId, "ana", "expected"), CancellationToken.None);

        await host.IngestAndSettleAsync(Call(Root(), "ListRoles", time: Monday.AddMinutes(10)));

        var alerts = await host.AlertsAsync("root.api-call");
        Assert.Equal(2, alerts.Count);
        Assert.Single(alerts, a => a.Status == AlertStatus.Open);
    }

    [Fact]
    public async Task NewEvidence_OnAnAcknowledgedAlert_UpdatesIt()
    {
        await using var host = await TestHost.StartAsync(nameof(NewEvidence_OnAnAcknowledgedAlert_UpdatesIt));
        await host.IngestAndSettleAsync(Call(Root(), "ListUsers", time: Monday));
        var first = Assert.Single(await host.AlertsAsync());
        await host.Get<AlertLifecycle>().HandleAsync(new AcknowledgeAlert(first.AlertId, "ana", "on it"), CancellationToken.None);

        await host.IngestAndSettleAsync(Call(Root(), "ListRoles", time: Monday.AddMinutes(10)));

        var alert = Assert.Single(await host.AlertsAsync("root.api-call"));
        Assert.Equal(AlertStatus.Acknowledged, alert.Status);
        Assert.Equal(2, alert.Count);
    }
}
