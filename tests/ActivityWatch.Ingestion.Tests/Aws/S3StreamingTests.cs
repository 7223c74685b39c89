using System.Text;
using ActivityWatch.Ingestion.Aws.S3;

namespace ActivityWatch.Ingestion.Tests.Aws;

/// <summary>
/// S3 objects are streamed: a prefetch keeps only the first MiB, the rest comes from ranged GETs as the
/// parser reads. Memory itself is measured by scripts/bench-s3-memory.sh; these check nothing is lost.
/// </summary>
public sealed class S3StreamingTests
{
    private const string Account = "111122223333";

    /// <summary>A plain (not gzipped) delivery file of several MiB: more than the prefetched head.</summary>
    private static byte[] LargeTrailFile(int records, string prefix) =>
        Encoding.UTF8.GetBytes("{\"Records\":[" + string.Join(",", Enumerable.Range(0, records)
            .Select(i => TestLogs.Record(Account, "us-east-1", TestLogs.Start.AddSeconds(i), $"{prefix}-{i:D6}")
                .Replace("\"readOnly\":true", $"\"readOnly\":true,\"padding\":\"{new string('p', 1500)}\""))) + "]}");

    [Fact]
    public async Task ObjectLargerThanThePrefetchedHead_IsReadWhole_ByPrefixIngestAndByWatch()
    {
        await using var bed = await AwsTestBed.StartAsync(nameof(ObjectLargerThanThePrefetchedHead_IsReadWhole_ByPrefixIngestAndByWatch));
        var first = LargeTrailFile(3000, "big1");
        var second = LargeTrailFile(2500, "big2");
        Assert.True(first.Length > 3 * S3LogObject.DefaultPrefetchBytes);
        var firstKey = TestLogs.TrailKey(Account, "us-east-1", TestLogs.Start, "BIGONE0000000001").Replace(".json.gz", ".json");
        var secondKey = TestLogs.TrailKey(Account, "us-east-1", TestLogs.Start.AddMinutes(5), "BIGTWO0000000002").Replace(".json.gz", ".json");
        var eTag = await bed.PutAsync(firstKey, first);
        await bed.PutAsync(secondKey, second);

        // Prefetched: the head from the first GET, the rest from a ranged GET pinned to the ETag.
        var summary = await bed.Host.Get<S3PrefixSource>().IngestAsync([S3Uri.Parse($"s3://{bed.Bucket}/AWSLogs/")], false, null, CancellationToken.None);
        // Not prefetched (a notification): one GET streamed to the parser.
        var (disposition, outcome) = await bed.Host.Get<S3ObjectIngestor>().IngestAsync(bed.QueueUrl,
            new S3ObjectEntry(bed.Bucket, firstKey, eTag, first.Length, null), CancellationToken.None);

        Assert.Equal(5500, summary.Ingested);
        Assert.True(summary.Balanced);
        Assert.Empty(summary.Failures);
        Assert.Equal(ObjectDisposition.Done, disposition);
        Assert.True(outcome.Unchanged);
        Assert.Equal(5500, await bed.TimelineCountAsync());
    }

    [Fact]
    public async Task ObjectStreamedWithoutPrefetch_StoresEveryRecord()
    {
        await using var bed = await AwsTestBed.StartAsync(nameof(ObjectStreamedWithoutPrefetch_StoresEveryRecord));
        var content = LargeTrailFile(2000, "stream");
        var key = TestLogs.TrailKey(Account, "us-east-1", TestLogs.Start, "STREAMED00000001").Replace(".json.gz", ".json");
        var eTag = await bed.PutAsync(key, content);

        var (disposition, outcome) = await bed.Host.Get<S3ObjectIngestor>().IngestAsync(bed.QueueUrl,
            new S3ObjectEntry(bed.Bucket, key, eTag, content.Length, null), CancellationToken.None);

        Assert.Equal(ObjectDisposition.Done, disposition);
        Assert.Equal((2000L, 2000L, 0L), (outcome.Records, outcome.Ingested, outcome.Rejected));
        Assert.Equal(2000, await bed.TimelineCountAsync());
    }
}
