using System.Text.Json;
using ActivityWatch.Monitoring.Alerts;
using ActivityWatch.Monitoring.Alerts.Lifecycle;
using ActivityWatch.Monitoring.Alerts.Suppressions;
using ActivityWatch.Testing;
using static ActivityWatch.Testing.Records.CloudTrailRecords;

namespace ActivityWatch.Monitoring.Tests.Alerts;

[Collection(AlertsDatabaseCollection.Name)]
public class AlertFoldTests
{
    [Fact]
    public void Evolve_BeforeARaise_HasNoAlert_AndRefusesAnEventOfAnotherKind()
    {
        Assert.Null(AlertStreams.Evolve(null, new AlertNoteAdded(Guid.NewGuid(), "ana", "x", Monday)));
        Assert.Throws<ArgumentException>(() => AlertStreams.Evolve(new Alert(), "not an alert event"));
    }

    [Fact]
    public async Task StoredAlert_EqualsTheFoldOfItsStream_OursAndMartens()
    {
        await using var host = await TestHost.StartAsync(nameof(StoredAlert_EqualsTheFoldOfItsStream_OursAndMartens));
        await host.Get<SuppressionRules>().AddAsync("root.console-signin", null, "203.0.113.0/24", "break-glass", "soc-lead", CancellationToken.None);
        await host.IngestAndSettleAsync(ConsoleLogin(Root(), mfaUsed: "Yes", sourceIp: "203.0.113.40", time: Monday));
        await host.IngestAndSettleAsync(ConsoleLogin(Root(), mfaUsed: "Yes", sourceIp: "203.0.113.41", time: Monday.AddMinutes(5)));
        var id = Assert.Single(await host.AlertsAsync("root.console-signin")).AlertId;
        var lifecycle = host.Get<AlertLifecycle>();
        foreach (AlertCommand command in (AlertCommand[])[
                     new ReopenAlert(id, "ana", "not the drill"), new AcknowledgeAlert(id, "ana", null), new AssignAlert(id, "ana", "bo"),
                     new AddAlertNote(id, "bo", "asked the owner"), new ResolveAlert(id, "bo", "expected")])
        {
            Assert.True((await lifecycle.HandleAsync(command, CancellationToken.None)).Decision.Accepted);
        }

        await using var session = host.Store.QuerySession();
        var stored = await session.LoadAsync<Alert>(id.ToString());
        var stream = await session.Events.FetchStreamAsync(id.ToString());
        var ours = stream.Aggregate((Alert?)null, (alert, e) => AlertStreams.Evolve(alert, e.Data));
        var martens = await session.Events.AggregateStreamAsync<Alert>(id.ToString());

        Assert.Equal(
            ["AlertRaised", "AlertSuppressed", "AlertUpdated", "AlertReopened", "AlertAcknowledged", "AlertAssigned", "AlertNoteAdded", "AlertResolved"],
            stream.Select(e => e.Data.GetType().Name));
        Assert.Equal(stream.Count, stored!.Version);
        Assert.Equal(2, stored.Count);
        Assert.Equal(["raised", "suppressed", "reopened", "acknowledged", "assigned", "note", "resolved"], stored.History.Select(h => h.Action));
        Assert.Equal(JsonSerializer.Serialize(stored), JsonSerializer.Serialize(ours));
        Assert.Equal(JsonSerializer.Serialize(stored), JsonSerializer.Serialize(martens));
    }
}
