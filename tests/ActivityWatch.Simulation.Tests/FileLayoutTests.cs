using System.IO.Compression;
using System.Text.Json;
using ActivityWatch.Simulation;

namespace ActivityWatch.Simulation.Tests;

public sealed class FileLayoutTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "aw-sim-layout-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task WriteAsync_UsesAwsKeyLayoutsAndGzippedRecords()
    {
        var summary = await new ActivitySimulator(new SimulationOptions { Days = 1, Principals = 6 }).WriteAsync(_dir, CancellationToken.None);
        var files = Directory.EnumerateFiles(_dir, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(_dir, f).Replace('\\', '/')).ToList();

        Assert.Equal(summary.Files, files.Count);
        var logs = files.Where(f => f.Contains("/CloudTrail/", StringComparison.Ordinal)).ToList();
        var digests = files.Where(f => f.Contains("/CloudTrail-Digest/", StringComparison.Ordinal)).ToList();
        var access = files.Where(f => f.StartsWith("s3-access-logs/", StringComparison.Ordinal)).ToList();
        Assert.Equal(files.Count, logs.Count + digests.Count + access.Count);
        Assert.All(logs, f => Assert.Matches(@"^AWSLogs/(\d{12})/CloudTrail/([a-z0-9-]+)/\d{4}/\d{2}/\d{2}/\1_CloudTrail_\2_\d{8}T\d{4}Z_[A-Za-z0-9]{16}\.json\.gz$", f));
        // The region delivering the digest, the trail's name, then its home region (the first region: the trail is multi-region).
        Assert.All(digests, f => Assert.Matches(@"^AWSLogs/(\d{12})/CloudTrail-Digest/([a-z0-9-]+)/\d{4}/\d{2}/\d{2}/\1_CloudTrail-Digest_\2_[A-Za-z0-9-]+_us-east-1_\d{8}T\d{6}Z\.json\.gz$", f));
        Assert.All(access, f => Assert.Matches(@"^s3-access-logs/[a-z0-9.-]+/\d{4}-\d{2}-\d{2}-\d{2}-\d{2}-\d{2}-[0-9A-F]{16}$", f));

        long records = 0;
        foreach (var log in logs)
        {
            using var gzip = new GZipStream(File.OpenRead(Path.Combine(_dir, log)), CompressionMode.Decompress);
            using var doc = JsonDocument.Parse(gzip);
            var times = doc.RootElement.GetProperty("Records").EnumerateArray().Select(r => r.GetProperty("eventTime").GetString()!).ToList();
            Assert.Equal(times.Order(StringComparer.Ordinal), times);
            records += times.Count;
        }

        Assert.Equal(summary.CloudTrailRecords, records);
    }

    [Fact]
    public async Task Digests_ListEachFileWithItsHash_AndChainEveryHour()
    {
        var options = new SimulationOptions { Days = 1, Principals = 4, IncludeS3AccessLogs = false };
        await new ActivitySimulator(options).WriteAsync(_dir, CancellationToken.None);
        var logs = Directory.EnumerateFiles(_dir, "*_CloudTrail_*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(_dir, f).Replace('\\', '/'), f => Sha256(Gunzip(File.ReadAllBytes(f))));
        var chains = Directory.EnumerateFiles(_dir, "*CloudTrail-Digest_*", SearchOption.AllDirectories)
            .GroupBy(f => Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(f)))))
            .ToList();

        Assert.Equal(options.Accounts.Count * options.Regions.Count, chains.Count);
        var listed = new HashSet<string>();
        foreach (var chain in chains)
        {
            string? previousKey = null, previousHash = null;
            foreach (var path in chain.Order(StringComparer.Ordinal))
            {
                var content = Gunzip(File.ReadAllBytes(path));
                using var doc = JsonDocument.Parse(content);
                var root = doc.RootElement;
                foreach (var key in new[] { "awsAccountId", "digestStartTime", "digestEndTime", "digestS3Bucket", "digestS3Object", "newestEventTime", "oldestEventTime", "previousDigestS3Bucket", "previousDigestS3Object", "previousDigestHashValue", "previousDigestHashAlgorithm", "previousDigestSignature", "digestPublicKeyFingerprint", "digestSignatureAlgorithm", "logFiles" })
                {
                    Assert.True(root.TryGetProperty(key, out _), key);
                }

                var key0 = Path.GetRelativePath(_dir, path).Replace('\\', '/');
                Assert.Equal(key0, root.GetProperty("digestS3Object").GetString());
                // Each digest holds the SHA-256 of the previous one's uncompressed content, every hour, with no gap.
                Assert.Equal(previousKey, root.GetProperty("previousDigestS3Object").GetString());
                Assert.Equal(previousHash, root.GetProperty("previousDigestHashValue").GetString());
                if (previousKey is not null)
                {
                    Assert.Equal(DateTimeOffset.Parse(root.GetProperty("digestStartTime").GetString()!), EndOf(previousKey));
                }

                foreach (var file in root.GetProperty("logFiles").EnumerateArray())
                {
                    var s3Object = file.GetProperty("s3Object").GetString()!;
                    Assert.Equal(logs[s3Object], file.GetProperty("hashValue").GetString());
                    Assert.True(listed.Add(s3Object));
                }

                previousKey = key0;
                previousHash = Sha256(content);
            }
        }

        // Every log file is listed in exactly one digest.
        Assert.Equal(logs.Keys.Order(), listed.Order());
    }

    private DateTimeOffset EndOf(string digestKey) =>
        DateTimeOffset.Parse(JsonDocument.Parse(Gunzip(File.ReadAllBytes(Path.Combine(_dir, digestKey)))).RootElement.GetProperty("digestEndTime").GetString()!);

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));

    private static byte[] Gunzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress)) gzip.CopyTo(output);
        return output.ToArray();
    }
}
