using ActivityWatch.Monitoring.Posture;
using ActivityWatch.Monitoring.Store;
using ActivityWatch.Testing;
using ActivityWatch.Testing.Records;
using Marten;
using Npgsql;

namespace ActivityWatch.Monitoring.Tests.Store;

public sealed class ActivityViewsUpgradeTests
{
    [Fact]
    public async Task StoreFromBeforeTheComposite_ContinuesWhereItsShardsStood_AndAppliesNewRecordsOnce()
    {
        // A store as the previous version left it: records stored, and its separate shards' progress at the newest event.
        await using var before = await TestHost.StartAsync(nameof(ActivityViewsUpgradeTests), DaemonRole.Disabled);
        await before.IngestAsync("memory://upgrade/before.json",
            "{\"Records\":[" + CloudTrailRecords.IamUserCall("ListBuckets", userName: "before", accessKeyId: "AKIABEFORE0000000001") + "]}",
            waitForProjections: false);
        await before.SqlAsync("""
            INSERT INTO {schema}.mt_event_progression (name, last_seq_id)
            SELECT shard, (SELECT max(seq_id) FROM {schema}.mt_events)
              FROM unnest(ARRAY['RootUsage:All', 'MfaPosture:All', 'AccessKeyUsage:All', 'PermissionUse:All', 'Alerts:All', 'AnomalyScoring:All']) AS shard
            """);

        await using var upgraded = await TestHost.StartAsync(nameof(ActivityViewsUpgradeTests), DaemonRole.Solo, schema: before.Schema);
        await upgraded.IngestCloudTrailAsync(CloudTrailRecords.IamUserCall("ListBuckets", userName: "after", accessKeyId: "AKIAAFTER00000000001"));

        // The composite started where the old shards stood: the record they had covered is not applied again.
        await using var session = upgraded.Store.QuerySession();
        var keys = await session.Query<AccessKeyUsage>().Select(k => k.Id).ToListAsync();
        Assert.Equal(["AKIAAFTER00000000001"], keys);
        var progress = await NamesAsync(upgraded);
        Assert.Contains($"{MonitoringProjections.ActivityViews}:All", progress);
        Assert.Contains("PermissionUseProjection:All", progress);
        Assert.Contains("AlertDetection:All", progress);
        Assert.DoesNotContain("PermissionUse:All", progress);
        Assert.DoesNotContain("Alerts:All", progress);
    }

    private static async Task<List<string>> NamesAsync(TestHost host)
    {
        await using var command = host.Get<NpgsqlDataSource>().CreateCommand($"SELECT name FROM {host.Schema}.mt_event_progression");
        await using var reader = await command.ExecuteReaderAsync();
        var names = new List<string>();
        while (await reader.ReadAsync()) names.Add(reader.GetString(0));
        return names;
    }
}
