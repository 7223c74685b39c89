using ActivityWatch.Monitoring.Alerts.Replay;
using ActivityWatch.Monitoring.Detections;
using ActivityWatch.Monitoring.Store;
using ActivityWatch.Testing;
using static ActivityWatch.Testing.Records.CloudTrailRecords;

namespace ActivityWatch.Monitoring.Tests.Alerts;

[Collection(AlertsDatabaseCollection.Name)]
public class ReplayTests
{
    private static readonly DetectionRule RootApiCall = DetectionCatalogue.Find("root.api-call")!;

    [Fact]
    public async Task Replay_OverHistoryLiveNeverSaw_RaisesWhatItFinds()
    {
        // No daemon: the records are stored but no live evaluation ran, as for a rule added later.
        await using var host = await TestHost.StartAsync(nameof(Replay_OverHistoryLiveNeverSaw_RaisesWhatItFinds), DaemonRole.Disabled);
        await host.IngestAsync("memory://replay/history.json",
            "{\"Records\":[" + string.Join(",", Call(Root(), "ListUsers", time: Monday), Call(Root(), "CreateUser", time: Monday.AddMinutes(2)),
                Call(IamUser(), "ListUsers", time: Monday.AddMinutes(3))) + "]}", waitForProjections: false);

        var summary = await host.Get<RuleReplayer>().ReplayAsync(RootApiCall, null, null, CancellationToken.None);

        Assert.Equal(3, summary.Records);
        Assert.Equal(2, summary.Hits);
        Assert.Equal(1, summary.Raised);
        Assert.Equal(2, Assert.Single(await host.AlertsAsync("root.api-call")).Count);
    }

    [Fact]
    public async Task Replay_Twice_AddsNothingTheSecondTime()
    {
        await using var host = await TestHost.StartAsync(nameof(Replay_Twice_AddsNothingTheSecondTime), DaemonRole.Disabled);
        await host.IngestAsync("memory://replay/history.json", "{\"Records\":[" + Call(Root(), "ListUsers", time: Monday) + "]}", waitForProjections: false);
        var replayer = host.Get<RuleReplayer>();

        await replayer.ReplayAsync(RootApiCall, null, null, CancellationToken.None);
        var again = await replayer.ReplayAsync(RootApiCall, null, null, CancellationToken.None);

        Assert.Equal(0, again.Raised);
        Assert.Equal(0, again.Updated);
        Assert.Single(await host.AlertsAsync("root.api-call"));
    }

    [Fact]
    public async Task Replay_AfterLiveEvaluation_AddsNothing()
    {
        await using var host = await TestHost.StartAsync(nameof(Replay_AfterLiveEvaluation_AddsNothing));
        await host.IngestAndSettleAsync(Call(Root(), "ListUsers", time: Monday), Call(Root(), "CreateUser", time: Monday.AddMinutes(2)));
        var live = Assert.Single(await host.AlertsAsync("root.api-call"));

        var summary = await host.Get<RuleReplayer>().ReplayAsync(RootApiCall, null, null, CancellationToken.None);

        Assert.Equal(2, summary.Hits);
        Assert.Equal(0, summary.Raised + summary.Updated);
        var after = Assert.Single(await host.AlertsAsync("root.api-call"));
        Assert.Equal(live.Version, after.Version);
    }

    [Fact]
    public async Task Replay_HonoursSinceAndUntil()
    {
        await using var host = await TestHost.StartAsync(nameof(Replay_HonoursSinceAndUntil), DaemonRole.Disabled);
        await host.IngestAsync("memory://replay/history.json", "{\"Records\":[" + string.Join(",",
            Call(Root(), "ListUsers", time: Monday.AddDays(-2)), Call(Root(), "ListRoles", time: Monday), Call(Root(), "ListGroups", time: Monday.AddDays(2))) + "]}",
            waitForProjections: false);

        var summary = await host.Get<RuleReplayer>().ReplayAsync(RootApiCall, Monday.AddHours(-1), Monday.AddHours(1), CancellationToken.None);

        Assert.Equal(1, summary.Records);
        Assert.Equal(Monday, Assert.Single(await host.AlertsAsync("root.api-call")).FirstSeen);
    }
}
