using System.IO.Compression;
using System.Text.Json;
using ActivityWatch.Simulation;

namespace ActivityWatch.Simulation.Tests;

public sealed class FileLayoutTests : IDisposable
{
    private readonly string dir = Path.Combine(Path.GetTempPath(), "aw-sim-layout-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public async Task WriteAsync_UsesAwsKeyLayoutsAndGzippedRecords()
    {
        var summary = await new ActivitySimulator(new SimulationOptions { Days = 1, Principals = 6 }).WriteAsync(dir, CancellationToken.None);
        var files = Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(dir, f).Replace('\\', '/')).ToList();

        Assert.Equal(summary.Files, files.Count);
        var logs = files.Where(f => f.Contains("/CloudTrail/", StringComparison.Ordinal)).ToList();
        var digests = files.Where(f => f.Contains("/CloudTrail-Digest/", StringComparison.Ordinal)).ToList();
        var access = files.Where(f => f.StartsWith("s3-access-logs/", StringComparison.Ordinal)).ToList();
        Assert.Equal(files.Count, logs.Count + digests.Count + access.Count);
        Assert.All(logs, f => Assert.Matches(@"^AWSLogs/(\d{12})/CloudTrail/([a-z0-9-]+)/\d{4}/\d{2}/\d{2}/\1_CloudTrail_\2_\d{8}T\d{4}Z_[A-Za-z0-9]{16}\.json\.gz$", f));
        Assert.All(digests, f => Assert.Matches(@"^AWSLogs/(\d{12})/CloudTrail-Digest/([a-z0-9-]+)/\d{4}/\d{2}/\d{2}/\1_CloudTrail-Digest_\2_[A-Za-z0-9-]+_\2_\d{8}T\d{6}Z\.json\.gz$", f));
        Assert.All(access, f => Assert.Matches(@"^s3-access-logs/[a-z0-9.-]+/\d{4}-\d{2}-\d{2}-\d{2}-\d{2}-\d{2}-[0-9A-F]{16}$", f));

        long records = 0;
        foreach (var log in logs)
        {
            using var gzip = new GZipStream(File.OpenRead(Path.Combine(dir, log)), CompressionMode.Decompress);
            using var doc = JsonDocument.Parse(gzip);
            var times = doc.RootElement.GetProperty("Records").EnumerateArray().Select(r => r.GetProperty("eventTime").GetString()!).ToList();
            Assert.Equal(times.Order(StringComparer.Ordinal), times);
            records += times.Count;
        }

        Assert.Equal(summary.CloudTrailRecords, records);
    }

    [Fact]
    public async Task Digests_HaveTheDocumentedKeysAndChain()
    {
        await new ActivitySimulator(new SimulationOptions { Days = 1, Principals = 4, IncludeS3AccessLogs = false }).WriteAsync(dir, CancellationToken.None);
        var digests = Directory.EnumerateFiles(dir, "*CloudTrail-Digest_*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();

        Assert.NotEmpty(digests);
        var chained = 0;
        foreach (var digest in digests)
        {
            using var gzip = new GZipStream(File.OpenRead(digest), CompressionMode.Decompress);
            using var doc = JsonDocument.Parse(gzip);
            var root = doc.RootElement;
            foreach (var key in new[] { "awsAccountId", "digestStartTime", "digestEndTime", "digestS3Bucket", "digestS3Object", "newestEventTime", "oldestEventTime", "previousDigestS3Bucket", "previousDigestHashValue", "previousDigestHashAlgorithm", "digestPublicKeyFingerprint", "digestSignatureAlgorithm", "logFiles" })
            {
                Assert.True(root.TryGetProperty(key, out _), key);
            }

            Assert.NotEmpty(root.GetProperty("logFiles").EnumerateArray());
            chained += root.GetProperty("previousDigestHashValue").ValueKind == JsonValueKind.String ? 1 : 0;
        }

        Assert.True(chained > 0);
    }
}
