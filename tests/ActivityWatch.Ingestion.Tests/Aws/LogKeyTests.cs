using ActivityWatch.Ingestion.Aws.S3;

namespace ActivityWatch.Ingestion.Tests.Aws;

public sealed class LogKeyTests
{
    [Fact]
    public void TrailKey_GivesAccountRegionTimeAndPartition()
    {
        var key = LogKey.Parse("AWSLogs/111122223333/CloudTrail/eu-west-1/2026/11/02/111122223333_CloudTrail_eu-west-1_20261102T0905Z_AbCd1234efGH5678.json.gz");

        Assert.Equal(LogKeyLayout.CloudTrail, key.Layout);
        Assert.Equal("111122223333", key.Account);
        Assert.Equal("eu-west-1", key.Region);
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 9, 5, 0, TimeSpan.Zero), key.Time);
        Assert.Equal("AWSLogs/111122223333/CloudTrail/eu-west-1/", key.Partition);
    }

    [Fact]
    public void OrganizationTrailKey_GivesTheMemberAccount()
    {
        var key = LogKey.Parse("trails/AWSLogs/o-aa111bb222/444455556666/CloudTrail/us-east-1/2026/11/02/444455556666_CloudTrail_us-east-1_20261102T0905Z_x.json.gz");

        Assert.Equal("444455556666", key.Account);
        Assert.Equal("trails/AWSLogs/o-aa111bb222/444455556666/CloudTrail/us-east-1/", key.Partition);
    }

    [Fact]
    public void DigestKey_IsADigest()
    {
        var key = LogKey.Parse("AWSLogs/111122223333/CloudTrail-Digest/us-east-1/2026/11/02/111122223333_CloudTrail-Digest_us-east-1_trail_us-east-1_20261102T090512Z.json.gz");

        Assert.True(key.IsDigest);
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 9, 5, 12, TimeSpan.Zero), key.Time);
    }

    [Fact]
    public void AccessLogKeys_InBothFormats_GiveTheirTime()
    {
        var simple = LogKey.Parse("logs/2026-11-02-09-05-30-0123456789ABCDEF");
        var partitioned = LogKey.Parse("logs/111122223333/us-east-1/photos/2026/11/02/2026-11-02-09-05-30-0123456789ABCDEF");

        Assert.Equal(LogKeyLayout.S3AccessSimple, simple.Layout);
        Assert.Equal("logs/", simple.Partition);
        Assert.Equal(LogKeyLayout.S3AccessPartitioned, partitioned.Layout);
        Assert.Equal("111122223333", partitioned.Account);
        Assert.Equal("us-east-1", partitioned.Region);
        Assert.Equal("logs/111122223333/us-east-1/photos/", partitioned.Partition);
        Assert.Equal(simple.Time, partitioned.Time);
    }

    [Fact]
    public void StartAfter_RewindsByTheWindowAcrossMidnight()
    {
        var key = LogKey.Parse("AWSLogs/111122223333/CloudTrail/us-east-1/2026/11/02/111122223333_CloudTrail_us-east-1_20261102T0005Z_zz.json.gz");

        var startAfter = key.StartAfter(TimeSpan.FromMinutes(15));

        Assert.Equal("AWSLogs/111122223333/CloudTrail/us-east-1/2026/11/01/111122223333_CloudTrail_us-east-1_20261101T2350", startAfter);
        Assert.True(string.CompareOrdinal(startAfter, key.Key) < 0);
    }

    [Fact]
    public void StartAfter_OfAnUnknownLayout_IsTheKeyItself()
    {
        Assert.Equal("exports/a.json", LogKey.Parse("exports/a.json").StartAfter(TimeSpan.FromHours(1)));
    }
}
