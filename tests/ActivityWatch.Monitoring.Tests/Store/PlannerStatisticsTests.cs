using ActivityWatch.Monitoring.Store;
using ActivityWatch.Testing;
using ActivityWatch.Testing.Records;

namespace ActivityWatch.Monitoring.Tests.Store;

public sealed class PlannerStatisticsTests
{
    private const string Reltuples = "SELECT reltuples::bigint FROM pg_class WHERE oid = to_regclass('{schema}.mt_events')";

    [Fact]
    public async Task EventTable_IsAnalyzedOnceTheProcessHasAppendedTheThreshold_NotBefore()
    {
        await using var host = await TestHost.StartAsync(nameof(PlannerStatisticsTests), DaemonRole.Disabled);
        await host.IngestAsync("memory://statistics/two.json",
            "{\"Records\":[" + CloudTrailRecords.IamUserCall("ListBuckets") + "," + CloudTrailRecords.IamUserCall("GetObject") + "]}",
            waitForProjections: false);
        var statistics = host.Get<PlannerStatistics>();

        // The ingest above counted its 2 events; a fresh table has never been analyzed (reltuples -1).
        await statistics.AppendedAsync((int)PlannerStatistics.Minimum - 3, CancellationToken.None);
        Assert.Equal(-1L, await host.SqlAsync(Reltuples));

        await statistics.AppendedAsync(1, CancellationToken.None);
        Assert.Equal(2L, await host.SqlAsync(Reltuples));
    }
}
