using ActivityWatch.Monitoring.Alerts.Replay;
using ActivityWatch.Monitoring.Detections.Library;
using ActivityWatch.Monitoring.Tests.Detections.Sigma;
using ActivityWatch.Testing;
using static ActivityWatch.Testing.Records.CloudTrailRecords;

namespace ActivityWatch.Monitoring.Tests.Alerts;

/// <summary>Imported Sigma rules and enabled state are events: live from their time on, replay for history.</summary>
[Collection(AlertsDatabaseCollection.Name)]
public class RuleLibraryTests
{
    private const string TrailRule = "sigma.6c1e3a1b-9a0e-4f1d-8a57-0d4c2e1f7a01";

    private static IEnumerable<(string, string)> TestSet(string kind) => SigmaRules.Files(kind).Select(f => (f, File.ReadAllText(f)));

    [Fact]
    public async Task Import_LoadsTheLoadableSet_RefusesTheRest_AndListsThemWithTheirSource()
    {
        await using var host = await TestHost.StartAsync(nameof(Import_LoadsTheLoadableSet_RefusesTheRest_AndListsThemWithTheirSource));
        var library = host.Get<RuleLibrary>();

        var outcomes = await library.ImportSigmaAsync(TestSet("loadable").Concat(TestSet("refused")), "tester", CancellationToken.None);

        Assert.Equal(12, outcomes.Count(o => o.Error is null));
        Assert.Equal(8, outcomes.Count(o => o.Error is not null));
        var snapshot = await library.LoadAsync(CancellationToken.None);
        var entry = snapshot.Find(TrailRule)!;
        Assert.True(entry.Enabled);
        Assert.StartsWith("sigma:", entry.Rule.Source);
        Assert.EndsWith("trail_stopped_or_deleted.yml", entry.Rule.Source);
        Assert.Equal("built-in", snapshot.Find("root.api-call")!.Rule.Source);
    }

    [Fact]
    public async Task ImportedRule_AppliesLiveFromItsImport_ReplayCoversHistory()
    {
        await using var host = await TestHost.StartAsync(nameof(ImportedRule_AppliesLiveFromItsImport_ReplayCoversHistory));
        var library = host.Get<RuleLibrary>();
        await host.IngestAndSettleAsync(Call(AssumedRole(), "StopLogging", "cloudtrail.amazonaws.com", Json("""{"name":"before"}"""), time: Monday));

        await library.ImportSigmaAsync(TestSet("loadable").Where(f => f.Item1.EndsWith("trail_stopped_or_deleted.yml")), "tester", CancellationToken.None);
        Assert.Empty(await host.AlertsAsync(TrailRule));

        await host.IngestAndSettleAsync(Call(AssumedRole(), "DeleteTrail", "cloudtrail.amazonaws.com", Json("""{"name":"after"}"""), time: Monday.AddHours(5)));
        Assert.Equal(1, Assert.Single(await host.AlertsAsync(TrailRule)).Count);

        var rule = (await library.LoadAsync(CancellationToken.None)).Find(TrailRule)!.Rule;
        var summary = await host.Get<RuleReplayer>().ReplayAsync(rule, null, null, CancellationToken.None);
        Assert.Equal(2, summary.Hits);
        Assert.Equal(2, (await host.AlertsAsync(TrailRule)).Count);
    }

    [Fact]
    public async Task DisabledRule_StopsFiringLive_AndEnablingBringsItBack()
    {
        await using var host = await TestHost.StartAsync(nameof(DisabledRule_StopsFiringLive_AndEnablingBringsItBack));
        var library = host.Get<RuleLibrary>();

        Assert.True(await library.SetEnabledAsync("root.api-call", false, "tester", "break-glass drill", CancellationToken.None));
        await host.IngestAndSettleAsync(Call(Root(), "ListUsers", time: Monday));
        Assert.Empty(await host.AlertsAsync("root.api-call"));
        Assert.False((await library.LoadAsync(CancellationToken.None)).Find("root.api-call")!.Enabled);

        Assert.True(await library.SetEnabledAsync("root.api-call", true, "tester", null, CancellationToken.None));
        await host.IngestAndSettleAsync(Call(Root(), "ListRoles", time: Monday.AddMinutes(5)));
        Assert.Single(await host.AlertsAsync("root.api-call"));
        Assert.False(await library.SetEnabledAsync("no.such-rule", false, "tester", null, CancellationToken.None));
    }
}
