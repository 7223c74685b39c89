using ActivityWatch.Ingestion.Objects;

namespace ActivityWatch.Ingestion.Tests.Objects;

public sealed class DeliveryTimeTests
{
    [Fact]
    public void CloudTrailFileName_GivesItsDeliveryTime()
    {
        var time = DeliveryTime.FromName("AWSLogs/111122223333/CloudTrail/eu-west-1/2026/11/02/111122223333_CloudTrail_eu-west-1_20261102T0815Z_a1B2c3D4e5F6g7H8.json.gz");

        Assert.Equal(new DateTimeOffset(2026, 11, 2, 8, 15, 0, TimeSpan.Zero), time);
    }

    [Fact]
    public void AccessLogKey_GivesItsDeliveryTime()
    {
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 8, 15, 3, TimeSpan.Zero), DeliveryTime.FromName("logs/2026-11-02-08-15-03-0123456789ABCDEF"));
    }

    [Fact]
    public void OtherNames_HaveNone()
    {
        Assert.Null(DeliveryTime.FromName("export.jsonl"));
        Assert.Null(DeliveryTime.FromName("111122223333_CloudTrail_us-east-1_garbage_x.json.gz"));
    }

    [Fact]
    public void Folder_IsReadOldestDeliveryFirst_AcrossAccountsAndRegions()
    {
        var root = Directory.CreateTempSubdirectory("aw-order-");
        try
        {
            string Write(string relative)
            {
                var path = Path.Combine(root.FullName, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, "{}");
                return path;
            }
            var late = Write("AWSLogs/111122223333/CloudTrail/eu-west-1/2026/11/03/111122223333_CloudTrail_eu-west-1_20261103T0000Z_aaaa.json.gz");
            var early = Write("AWSLogs/444455556666/CloudTrail/us-east-1/2026/11/02/444455556666_CloudTrail_us-east-1_20261102T0000Z_bbbb.json.gz");
            var middle = Write("s3-access-logs/2026-11-02-12-00-00-0123456789ABCDEF");

            var order = LocalFileFinder.Find([root.FullName]).Select(f => f.Name).ToList();

            Assert.Equal([early, middle, late], order);
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }
}
