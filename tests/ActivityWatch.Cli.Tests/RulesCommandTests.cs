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
        var root = rules["root.console-signin"];
        Assert.Equal(DetectionCatalogue.Rules.Select(r => r.Id).Order(), rules.Keys.Order());
        Assert.Equal(["T1098.001"], rules["root.access-key-created"].GetProperty("attack").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("built-in", root.GetProperty("source").GetString());
        Assert.True(root.GetProperty("enabled").GetBoolean());
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

    [Fact]
    public async Task RulesImportSigma_Folder_LoadsRules_RefusesTheRest_ListAndToggleThem()
    {
        await using var host = await TestHost.StartAsync(nameof(RulesImportSigma_Folder_LoadsRules_RefusesTheRest_ListAndToggleThem), DaemonRole.Disabled);
        var folder = Directory.CreateTempSubdirectory("sigma-cli-");
        await File.WriteAllTextAsync(Path.Combine(folder.FullName, "flow_logs.yml"), """
            title: Flow Logs Deleted By Anyone
            id: cli-flow-logs
            status: experimental
            tags: [attack.defense-evasion, attack.t1562.008]
            logsource: {product: aws, service: cloudtrail}
            detection:
                selection:
                    eventSource: ec2.amazonaws.com
                    eventName|startswith: DeleteFlowLog
                condition: selection
            falsepositives: [VPC teardown]
            level: high
            """);
        await File.WriteAllTextAsync(Path.Combine(folder.FullName, "count.yaml"), """
            title: Aggregation
            logsource: {product: aws, service: cloudtrail}
            detection:
                selection: {errorCode: AccessDenied}
                condition: selection | count() > 5
            """);

        var (exitCode, output, _) = await AlertsCli.RunAsync(host, "rules", "import", "sigma", folder.FullName, "--format", "json");

        Assert.Equal(3, exitCode);
        var result = JsonDocument.Parse(output).RootElement;
        Assert.Equal((1, 1), (result.GetProperty("loaded").GetInt32(), result.GetProperty("refused").GetInt32()));
        Assert.Contains("condition", result.GetProperty("rules").EnumerateArray().Single(r => r.GetProperty("id").ValueKind == JsonValueKind.Null).GetProperty("error").GetString());

        var (_, list, _) = await AlertsCli.RunAsync(host, "rules", "list", "--format", "json");
        var rule = JsonDocument.Parse(list).RootElement.EnumerateArray().Single(r => r.GetProperty("id").GetString() == "sigma.cli-flow-logs");
        Assert.Equal(["T1562.008"], rule.GetProperty("attack").EnumerateArray().Select(a => a.GetString()));
        Assert.StartsWith("sigma:", rule.GetProperty("source").GetString());
        Assert.True(rule.GetProperty("enabled").GetBoolean());
        Assert.Equal("built-in", JsonDocument.Parse(list).RootElement.EnumerateArray().First().GetProperty("source").GetString());

        Assert.Equal(0, (await AlertsCli.RunAsync(host, "rules", "disable", "sigma.cli-flow-logs", "--note", "noisy")).Item1);
        var (_, after, _) = await AlertsCli.RunAsync(host, "rules", "list", "--format", "json");
        Assert.False(JsonDocument.Parse(after).RootElement.EnumerateArray().Single(r => r.GetProperty("id").GetString() == "sigma.cli-flow-logs").GetProperty("enabled").GetBoolean());
        Assert.Equal(1, (await AlertsCli.RunAsync(host, "rules", "enable", "no.such-rule")).Item1);

        var (replayExit, replay, replayError) = await AlertsCli.RunAsync(host, "rules", "replay", "--rule", "sigma.cli-flow-logs", "--format", "json");
        Assert.True(replayExit == 0, replayError);
        Assert.Equal(0, JsonDocument.Parse(replay).RootElement.GetProperty("hits").GetInt32());
    }
}
