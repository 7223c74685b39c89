using System.Text.Json;
using ActivityWatch.Testing;
using static ActivityWatch.Cli.Tests.AlertsCliRecords;

namespace ActivityWatch.Cli.Tests;

[Collection(AlertsCliCollection.Name)]
public class AlertsCommandTests
{
    [Fact]
    public async Task AlertsList_Json_CarriesTheDocumentedFields()
    {
        await using var host = await TestHost.StartAsync(nameof(AlertsList_Json_CarriesTheDocumentedFields));
        var eventId = Guid.NewGuid().ToString();
        await host.IngestAndSettleAsync(RootConsoleLogin(eventId: eventId));

        var (exitCode, output, error) = await AlertsCli.RunAsync(host, "alerts", "list", "--rule", "root.console-signin", "--format", "json");

        Assert.True(exitCode == 0, error);
        var item = Assert.Single(JsonDocument.Parse(output).RootElement.EnumerateArray());
        Assert.True(Guid.TryParse(item.GetProperty("id").GetString(), out _));
        Assert.Equal("root.console-signin", item.GetProperty("ruleId").GetString());
        Assert.Equal("Root signed in to the console", item.GetProperty("title").GetString());
        Assert.Equal("high", item.GetProperty("severity").GetString());
        Assert.Equal(["5.3"], item.GetProperty("cis").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(RootArn, item.GetProperty("principal").GetString());
        Assert.Equal(Account, item.GetProperty("accountId").GetString());
        Assert.Equal(Monday, item.GetProperty("firstSeen").GetDateTimeOffset());
        Assert.Equal(Monday, item.GetProperty("lastSeen").GetDateTimeOffset());
        Assert.Equal(1, item.GetProperty("count").GetInt32());
        Assert.Equal("open", item.GetProperty("status").GetString());
        Assert.Equal([eventId], item.GetProperty("eventIds").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task AlertsList_FiltersBySeverityAndStatus()
    {
        await using var host = await TestHost.StartAsync(nameof(AlertsList_FiltersBySeverityAndStatus));
        await host.IngestAndSettleAsync(
            RoleCall("AuthorizeSecurityGroupIngress", "ec2.amazonaws.com"),
            RoleCall("StopLogging", "cloudtrail.amazonaws.com"));

        var (_, critical, _) = await AlertsCli.RunAsync(host, "alerts", "list", "--severity", "critical", "--format", "json");
        Assert.Equal(["cloudtrail.logging-stopped"], JsonDocument.Parse(critical).RootElement.EnumerateArray().Select(a => a.GetProperty("ruleId").GetString()));

        var (_, table, _) = await AlertsCli.RunAsync(host, "alerts", "list");
        Assert.Contains("ec2.security-group-changed", table);
        Assert.StartsWith("ID", table);
    }

    [Fact]
    public async Task AlertsAckAndResolve_RecordWhoAndWhy_AndResolvedAlertsLeaveTheOpenList()
    {
        await using var host = await TestHost.StartAsync(nameof(AlertsAckAndResolve_RecordWhoAndWhy_AndResolvedAlertsLeaveTheOpenList));
        await host.IngestAndSettleAsync(RootCall("ListUsers"));
        var id = (await host.AlertsAsync()).Single().AlertId.ToString();

        var ack = await AlertsCli.RunAsync(host, "alerts", "ack", id, "--note", "asking the account owner", "--by", "ana");
        var resolve = await AlertsCli.RunAsync(host, "alerts", "resolve", id, "--note", "billing task, expected", "--by", "bo");
        var again = await AlertsCli.RunAsync(host, "alerts", "ack", id, "--note", "again");

        Assert.Equal(0, ack.ExitCode);
        Assert.Equal(0, resolve.ExitCode);
        Assert.Equal(Commands.Alerts.AlertActionCommand.ExitRefused, again.ExitCode);
        Assert.Contains("open alert", again.Error);
        var (_, open, _) = await AlertsCli.RunAsync(host, "alerts", "list", "--format", "json");
        Assert.Empty(JsonDocument.Parse(open).RootElement.EnumerateArray());
        var (_, all, _) = await AlertsCli.RunAsync(host, "alerts", "list", "--status", "all", "--format", "json");
        Assert.Equal("resolved", JsonDocument.Parse(all).RootElement[0].GetProperty("status").GetString());

        var (_, shown, _) = await AlertsCli.RunAsync(host, "alerts", "show", id, "--format", "json");
        var history = JsonDocument.Parse(shown).RootElement.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(["raised", "acknowledged", "resolved"], history.Select(h => h.GetProperty("action").GetString()));
        Assert.Equal("ana", history[1].GetProperty("by").GetString());
        Assert.Equal("billing task, expected", history[2].GetProperty("note").GetString());
    }

    [Fact]
    public async Task AlertsSuppressAndReopen_ChangeTheStatus()
    {
        await using var host = await TestHost.StartAsync(nameof(AlertsSuppressAndReopen_ChangeTheStatus));
        await host.IngestAndSettleAsync(RootCall("ListUsers"));
        var id = (await host.AlertsAsync()).Single().AlertId.ToString();

        var (_, suppressed, _) = await AlertsCli.RunAsync(host, "alerts", "suppress", id, "--note", "known automation", "--format", "json");
        var (_, reopened, _) = await AlertsCli.RunAsync(host, "alerts", "reopen", id, "--note", "automation retired", "--format", "json");

        Assert.Equal("suppressed", JsonDocument.Parse(suppressed).RootElement.GetProperty("status").GetString());
        Assert.Equal("open", JsonDocument.Parse(reopened).RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task AlertsShow_OfAnUnknownAlert_Fails()
    {
        await using var host = await TestHost.StartAsync(nameof(AlertsShow_OfAnUnknownAlert_Fails));
        var (exitCode, _, error) = await AlertsCli.RunAsync(host, "alerts", "show", Guid.NewGuid().ToString());
        Assert.Equal(1, exitCode);
        Assert.Contains("no alert", error);
    }

    [Fact]
    public async Task Suppressions_AddedFromTheCli_RaiseMatchingAlertsSuppressed()
    {
        await using var host = await TestHost.StartAsync(nameof(Suppressions_AddedFromTheCli_RaiseMatchingAlertsSuppressed));

        var (added, id, addError) = await AlertsCli.RunAsync(host, "alerts", "suppressions", "add", "--rule", "root.console-signin",
            "--principal", RootArn, "--source-ip", "203.0.113.0/24", "--note", "break-glass drill", "--by", "soc-lead");
        Assert.True(added == 0, addError);
        await host.IngestAndSettleAsync(RootConsoleLogin(sourceIp: "203.0.113.5"));

        var (_, list, _) = await AlertsCli.RunAsync(host, "alerts", "suppressions", "list", "--format", "json");
        Assert.Equal(id.Trim(), JsonDocument.Parse(list).RootElement[0].GetProperty("id").GetString());
        var (_, alerts, _) = await AlertsCli.RunAsync(host, "alerts", "list", "--status", "all", "--format", "json");
        Assert.Equal("suppressed", JsonDocument.Parse(alerts).RootElement[0].GetProperty("status").GetString());
        Assert.Equal(0, (await AlertsCli.RunAsync(host, "alerts", "suppressions", "remove", id.Trim())).ExitCode);
        Assert.Equal(1, (await AlertsCli.RunAsync(host, "alerts", "suppressions", "remove", id.Trim())).ExitCode);
    }

    [Fact]
    public async Task SuppressionsAdd_ForAnUnknownRule_Fails()
    {
        await using var host = await TestHost.StartAsync(nameof(SuppressionsAdd_ForAnUnknownRule_Fails));
        var (exitCode, _, error) = await AlertsCli.RunAsync(host, "alerts", "suppressions", "add", "--rule", "no.such-rule", "--note", "x");
        Assert.Equal(1, exitCode);
        Assert.Contains("unknown rule", error);
    }
}
