using ActivityWatch.Ingestion.Aws.S3;
using ActivityWatch.Ingestion.Tests.Aws;
using ActivityWatch.Monitoring.Integrity;

namespace ActivityWatch.Ingestion.Tests.Integrity;

/// <summary>`watch` polling a trail bucket reads the digest folders too and verifies each hour as its digest arrives.</summary>
public sealed class WatchedTrailTests
{
    [Fact]
    public async Task PolledTrailBucket_VerifiesEachHourAsItsDigestArrives()
    {
        var bucket = $"aw-watch-int-{Guid.NewGuid():N}"[..26];
        await using var bed = await AwsTestBed.StartAsync(nameof(PolledTrailBucket_VerifiesEachHourAsItsDigestArrives),
            new Dictionary<string, string?>
            {
                ["ActivityWatch:Sources:S3Prefixes:0"] = $"s3://{bucket}/AWSLogs/",
                ["ActivityWatch:Sources:LateArrivalWindow"] = "00:00:00",
            }, bucket: bucket);
        var trail = new TestTrail(bucket: bucket).Hour(TestLogs.Start).Hour(TestLogs.Start.AddHours(1));
        foreach (var (key, bytes) in trail.Objects) await bed.PutAsync(key, bytes);
        var poller = bed.Host.Get<S3PrefixPoller>();
        var source = $"s3://{bucket}/AWSLogs/";

        var first = await poller.PollAsync(source, CancellationToken.None);
        var afterFirst = Assert.Single(await bed.Host.Get<IntegrityStatusQueries>().ListAsync(CancellationToken.None));
        // An hour later CloudTrail delivers the next files and digest.
        var known = trail.Objects.Keys.ToHashSet();
        trail.Hour(TestLogs.Start.AddHours(2));
        foreach (var (key, bytes) in trail.Objects.Where(o => !known.Contains(o.Key))) await bed.PutAsync(key, bytes);
        var second = await poller.PollAsync(source, CancellationToken.None);
        var afterSecond = Assert.Single(await bed.Host.Get<IntegrityStatusQueries>().ListAsync(CancellationToken.None));

        // The log folder and the digest folder of the account and region.
        Assert.Equal(2, first.Partitions);
        Assert.Equal(8, first.Objects);
        Assert.Equal(4, second.Objects);
        Assert.Equal(TestLogs.Start.AddHours(2).AddSeconds(31), afterFirst.VerifiedThrough);
        Assert.Equal(TestLogs.Start.AddHours(3).AddSeconds(31), afterSecond.VerifiedThrough);
        Assert.Equal(3, afterSecond.Verified);
        Assert.Equal(0, afterSecond.Findings);
    }
}
