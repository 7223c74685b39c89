using ActivityWatch.Ingestion.Aws.S3;

namespace ActivityWatch.Ingestion.Tests.Aws;

public sealed class S3PrefixIngestTests
{
    private const string Production = "111122223333";
    private const string Development = "444455556666";

    [Fact]
    public async Task IngestPrefix_TrailBucket_StoresEveryRecordAndReadsTheDigests()
    {
        await using var bed = await AwsTestBed.StartAsync(nameof(IngestPrefix_TrailBucket_StoresEveryRecordAndReadsTheDigests));
        var t = TestLogs.Start;
        await bed.PutAsync(TestLogs.TrailKey(Production, "us-east-1", t, "aaa1"), TestLogs.TrailFile(Production, "us-east-1", t, 5, "a"));
        await bed.PutAsync(TestLogs.TrailKey(Production, "us-east-1", t.AddMinutes(5), "bbb2"), TestLogs.TrailFile(Production, "us-east-1", t.AddMinutes(5), 5, "b"));
        await bed.PutAsync(TestLogs.TrailKey(Production, "eu-west-1", t, "ccc3"), TestLogs.TrailFile(Production, "eu-west-1", t, 5, "c"));
        await bed.PutAsync(TestLogs.DigestKey(Production, "us-east-1", t), TestLogs.DigestFile(bed.Bucket, TestLogs.DigestKey(Production, "us-east-1", t)));

        var summary = await bed.Host.Get<S3PrefixSource>().IngestAsync([S3Uri.Parse($"s3://{bed.Bucket}/AWSLogs/")], false, null, CancellationToken.None);

        Assert.Equal(4, summary.Files);
        Assert.Equal(1, summary.DigestFiles);
        Assert.Equal(0, summary.DigestFilesSkipped);
        Assert.Equal(0, summary.Records - summary.Ingested);
        Assert.Equal(15, summary.Ingested);
        Assert.Empty(summary.Failures);
        Assert.Equal(15, await bed.TimelineCountAsync());
    }

    [Fact]
    public async Task IngestPrefix_Twice_StoresEveryRecordOnce()
    {
        await using var bed = await AwsTestBed.StartAsync(nameof(IngestPrefix_Twice_StoresEveryRecordOnce));
        var t = TestLogs.Start;
        await bed.PutAsync(TestLogs.TrailKey(Production, "us-east-1", t, "aaa1"), TestLogs.TrailFile(Production, "us-east-1", t, 4, "a"));
        var source = bed.Host.Get<S3PrefixSource>();

        await source.IngestAsync([S3Uri.Parse($"s3://{bed.Bucket}/")], false, null, CancellationToken.None);
        var again = await source.IngestAsync([S3Uri.Parse($"s3://{bed.Bucket}/")], true, null, CancellationToken.None);

        Assert.Equal(4, again.Duplicates);
        Assert.Equal(0, again.Ingested);
        Assert.Equal(4, await bed.TimelineCountAsync());
    }

    [Fact]
    public async Task IngestPrefix_OrganizationTrail_ReadsEveryMemberAccount_AndWithIntegrityOffSkipsDigestsByKey()
    {
        await using var bed = await AwsTestBed.StartAsync(nameof(IngestPrefix_OrganizationTrail_ReadsEveryMemberAccount_AndWithIntegrityOffSkipsDigestsByKey),
            new Dictionary<string, string?> { ["ActivityWatch:Integrity:Enabled"] = "false" });
        var t = TestLogs.Start;
        const string org = "o-exampleorgid";
        await bed.PutAsync(TestLogs.TrailKey(Production, "us-east-1", t, "p1", org), TestLogs.TrailFile(Production, "us-east-1", t, 3, "p"));
        await bed.PutAsync(TestLogs.TrailKey(Development, "eu-west-1", t, "d1", org), TestLogs.TrailFile(Development, "eu-west-1", t, 2, "d"));
        await bed.PutAsync(TestLogs.DigestKey(Development, "eu-west-1", t, org), TestLogs.DigestFile(bed.Bucket, TestLogs.DigestKey(Development, "eu-west-1", t, org)));

        var summary = await bed.Host.Get<S3PrefixSource>().IngestAsync([S3Uri.Parse($"s3://{bed.Bucket}/AWSLogs/{org}/")], false, null, CancellationToken.None);

        Assert.Equal(2, summary.Files);
        Assert.Equal(1, summary.DigestFilesSkipped);
        Assert.Equal(5, summary.Ingested);
    }

    [Fact]
    public async Task IngestPrefix_MoreObjectsThanOnePage_ListsEveryPage()
    {
        await using var bed = await AwsTestBed.StartAsync(nameof(IngestPrefix_MoreObjectsThanOnePage_ListsEveryPage),
            new Dictionary<string, string?> { ["ActivityWatch:Sources:ListPageSize"] = "2" });
        for (var i = 0; i < 7; i++)
        {
            var t = TestLogs.Start.AddMinutes(5 * i);
            await bed.PutAsync(TestLogs.TrailKey(Production, "us-east-1", t, $"u{i}"), TestLogs.TrailFile(Production, "us-east-1", t, 2, $"page{i}"));
        }

        var summary = await bed.Host.Get<S3PrefixSource>().IngestAsync([S3Uri.Parse($"s3://{bed.Bucket}/AWSLogs/")], false, null, CancellationToken.None);

        Assert.Equal(7, summary.Files);
        Assert.Equal(14, summary.Ingested);
    }

    [Fact]
    public async Task IngestPrefix_AccessLogsInBothKeyFormats_StoresEveryLine()
    {
        await using var bed = await AwsTestBed.StartAsync(nameof(IngestPrefix_AccessLogsInBothKeyFormats_StoresEveryLine));
        await bed.PutAsync("access/2026-11-02-09-00-00-0123456789ABCDEF", TestLogs.AccessLog("photos", TestLogs.Start, 3, "SIMPLE"));
        await bed.PutAsync($"partitioned/{Production}/us-east-1/photos/2026/11/02/2026-11-02-09-05-00-FEDCBA9876543210",
            TestLogs.AccessLog("photos", TestLogs.Start.AddMinutes(5), 4, "PARTED"));

        var summary = await bed.Host.Get<S3PrefixSource>().IngestAsync(
            [S3Uri.Parse($"s3://{bed.Bucket}/access/"), S3Uri.Parse($"s3://{bed.Bucket}/partitioned/")], false, null, CancellationToken.None);

        Assert.Equal(2, summary.Files);
        Assert.Equal(7, summary.Ingested);
        Assert.Equal(0, summary.Rejected);
    }
}
