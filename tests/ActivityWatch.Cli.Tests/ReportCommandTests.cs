using System.Text.Json;
using ActivityWatch.Testing;
using static ActivityWatch.Cli.Tests.AlertsCliRecords;

namespace ActivityWatch.Cli.Tests;

[Collection(AlertsCliCollection.Name)]
public class ReportCommandTests
{
    [Fact]
    public async Task Reports_ShowRootUsageMfaPostureAndAccessKeys()
    {
        await using var host = await TestHost.StartAsync(nameof(Reports_ShowRootUsageMfaPostureAndAccessKeys));
        await host.IngestCloudTrailAsync(
            RootConsoleLogin(),
            RootCall("ListUsers", Monday.AddMinutes(1)),
            UserConsoleLogin("alice", "No"),
            UserCall("ListBuckets", "bob", "s3.amazonaws.com", "AKIABOBKEY0000000001"));

        var (rootExit, root, rootError) = await AlertsCli.RunAsync(host, "report", "root-usage", "--format", "json");
        var (_, mfa, _) = await AlertsCli.RunAsync(host, "report", "mfa", "--format", "json");
        var (_, keys, _) = await AlertsCli.RunAsync(host, "report", "access-keys", "--format", "json");
        var (_, keysTable, _) = await AlertsCli.RunAsync(host, "report", "access-keys");

        Assert.True(rootExit == 0, rootError);
        var usage = Assert.Single(JsonDocument.Parse(root).RootElement.EnumerateArray());
        Assert.Equal(Account, usage.GetProperty("accountId").GetString());
        Assert.Equal(Monday, usage.GetProperty("lastConsoleSignIn").GetDateTimeOffset());
        Assert.Equal(2, usage.GetProperty("perDay").GetProperty("2026-11-02").GetInt32());
        var alice = Assert.Single(JsonDocument.Parse(mfa).RootElement.EnumerateArray());
        Assert.Equal(1, alice.GetProperty("signInsWithoutMfa").GetInt32());
        var key = Assert.Single(JsonDocument.Parse(keys).RootElement.EnumerateArray(), k => k.GetProperty("accessKeyId").GetString() == "AKIABOBKEY0000000001");
        Assert.Equal("s3.amazonaws.com", key.GetProperty("lastService").GetString());
        Assert.Equal(1, key.GetProperty("networks").GetInt32());
        Assert.Contains("AKIABOBKEY0000000001", keysTable);
    }
}
