using ActivityWatch.Cli.Commands;
using ActivityWatch.Cli.Tests.Foundation;
using ActivityWatch.Monitoring.Store;
using ActivityWatch.Testing;

namespace ActivityWatch.Cli.Tests.LivePath;

/// <summary>`verify` notices a view that no longer equals the fold of its events; `projections rebuild` makes it equal again.</summary>
[Collection(AlertsCliCollection.Name)]
public sealed class RebuildTests(SampleLogs logs) : IClassFixture<SampleLogs>
{
    [Fact]
    public async Task ATamperedView_FailsVerify_AndARebuildRestoresIt()
    {
        var schema = TestDatabase.NewSchema("rebuild");
        var settings = new Dictionary<string, string?>
        {
            ["ActivityWatch:Postgres:ConnectionString"] = TestDatabase.ConnectionString,
            ["ActivityWatch:Postgres:Schema"] = schema,
        };
        var (ingested, _, ingestError) = await CliRun.RunAsync(settings, "ingest", logs.Folder);
        Assert.True(ingested == 0, ingestError);
        await using var reader = await TestHost.StartAsync("rebuild", DaemonRole.Disabled, schema: schema);
        var before = await ViewSnapshot.TakeAsync(reader);

        await reader.SqlAsync("UPDATE {schema}.aw_permission_use SET calls = calls + 7 WHERE action = (SELECT min(action) FROM {schema}.aw_permission_use)");
        await reader.SqlAsync("DELETE FROM {schema}.mt_doc_accesskeyusage WHERE id = (SELECT min(id) FROM {schema}.mt_doc_accesskeyusage)");
        var (tampered, tamperedOutput, _) = await CliRun.RunAsync(settings, "verify");

        Assert.Equal(VerifyCommand.Differences, tampered);
        Assert.Contains("permission use", tamperedOutput);
        Assert.Contains("access key inventory", tamperedOutput);

        var (rebuilt, rebuildOutput, rebuildError) = await CliRun.RunAsync(settings, "projections", "rebuild");
        Assert.True(rebuilt == 0, rebuildError + rebuildOutput);
        var (verified, verifyOutput, _) = await CliRun.RunAsync(settings, "verify");

        Assert.True(verified == 0, verifyOutput);
        var after = await ViewSnapshot.TakeAsync(reader);
        Assert.True(before.SequenceEqual(after), ViewSnapshot.Difference(before, after));
    }
}
