using System.Text.Json;
using ActivityWatch.Monitoring.Detections;
using ActivityWatch.Monitoring.Store;
using ActivityWatch.Testing;
using static ActivityWatch.Cli.Tests.AlertsCliRecords;

namespace ActivityWatch.Cli.Tests;

[Collection(AlertsCliCollection.Name)]
public class RulesCommandTests
{
    [Fact]
    public async Task RulesList_Json_ListsTheWholeCatalogueWithItsMappings()
    {
        await using var host = await TestHost.StartAsync(nameof(RulesList_Json_ListsTheWholeCatalogueWithItsMappings), DaemonRole.Disabled);

        var (exitCode, output, error) = await AlertsCli.RunAsync(host, "rules", "list", "--format", "json");

        Assert.True(exitCode == 0, error);
        var rules = JsonDocument.Parse(output).RootElement.EnumerateArray().ToDictionary(r => r.GetProperty("id").GetString()!);
        Assert.Equal(DetectionCatalogue.Rules.Select(r => r.Id).Order(), rules.Keys.Order());
        var root = rules["root.console-signin"];
        Assert.Equal(["5.3"], root.GetProperty("cis").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(BestPractices.LockAwayRoot, root.GetProperty("bestPractice").GetString());
        Assert.Equal(10, rules["api.unauthorized-calls"].GetProperty("threshold").GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task RulesList_Table_ShowsIdsAndControls()
    {
        await using var host = await TestHost.StartAsync(nameof(RulesList_Table_ShowsIdsAndControls), DaemonRole.Disabled);
        var (_, output, _) = await AlertsCli.RunAsync(host, "rules", "list");
        Assert.Contains("root.console-signin", output);
        Assert.Contains("5.15", output);
    }

    [Fact]
    public async Task RulesReplay_RaisesWhatHistoryHolds_AndIsIdempotent()
    {
        await using var host = await TestHost.StartAsync(nameof(RulesReplay_RaisesWhatHistoryHolds_AndIsIdempotent), DaemonRole.Disabled);
        await host.IngestAsync("memory://cli/replay.json", "{\"Records\":[" + string.Join(",",
            RoleCall("DeleteFlowLogs", "ec2.amazonaws.com"),
            RoleCall("DescribeFlowLogs", "ec2.amazonaws.com")) + "]}", waitForProjections: false);

        var (exitCode, first, error) = await AlertsCli.RunAsync(host, "rules", "replay", "--rule", "ec2.flow-logs-deleted", "--since", "2026-11-01", "--format", "json");
        var (_, second, _) = await AlertsCli.RunAsync(host, "rules", "replay", "--rule", "ec2.flow-logs-deleted", "--format", "json");

        Assert.True(exitCode == 0, error);
        Assert.Equal(1, JsonDocument.Parse(first).RootElement.GetProperty("raised").GetInt32());
        Assert.Equal(1, JsonDocument.Parse(first).RootElement.GetProperty("records").GetInt64());
        Assert.Equal(0, JsonDocument.Parse(second).RootElement.GetProperty("raised").GetInt32());
        Assert.Single(await host.AlertsAsync("ec2.flow-logs-deleted"));
    }

    [Fact]
    public async Task RulesReplay_OfAnUnknownRule_Fails()
    {
        await using var host = await TestHost.StartAsync(nameof(RulesReplay_OfAnUnknownRule_Fails), DaemonRole.Disabled);
        var (exitCode, _, error) = await AlertsCli.RunAsync(host, "rules", "replay", "--rule", "nope");
        Assert.Equal(1, exitCode);
        Assert.Contains("unknown rule", error);
    }
}
