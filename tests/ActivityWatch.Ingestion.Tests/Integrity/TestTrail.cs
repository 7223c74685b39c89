using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ActivityWatch.Ingestion.Tests.Aws;

namespace ActivityWatch.Ingestion.Tests.Integrity;

/// <summary>
/// A trail with log file validation on, as CloudTrail delivers it (User Guide, "CloudTrail digest file
/// structure"): gzip log files, and per hour a digest listing them with the SHA-256 of their
/// uncompressed content, chained to the previous digest by its hash and signature, and signed (SHA256withRSA
/// over the documented string) when a key is given, else with random bytes as a real trail's would look
/// to someone without CloudTrail's public key.
/// </summary>
public sealed class TestTrail(string account = "111122223333", string region = "us-east-1", string bucket = "trail-bucket", string name = "main", RSA? signer = null)
{
    public const string Fingerprint = "5f2d7c1a9b8e4f60a1b2c3d4e5f60718";

    private (string Key, string Sha256, string Signature)? _previous;

    /// <summary>Every object by key (from AWSLogs/ on), in delivery order.</summary>
    public Dictionary<string, byte[]> Objects { get; } = [];

    /// <summary>Each digest's signature, as CloudTrail puts it in the object's metadata (x-amz-meta-signature).</summary>
    public Dictionary<string, string> Signatures { get; } = [];

    public List<string> LogKeys { get; } = [];
    public List<string> DigestKeys { get; } = [];
    public string Bucket => bucket;

    /// <summary>Delivers <paramref name="files"/> log files in the hour from <paramref name="hour"/>, then the hour's digest.</summary>
    public TestTrail Hour(DateTimeOffset hour, int files = 3, int records = 2, bool restartChain = false)
    {
        var listed = new List<(string Key, string Sha256)>();
        for (var i = 0; i < files; i++)
        {
            var delivered = hour.AddMinutes(5 + 10 * i);
            var key = TestLogs.TrailKey(account, region, delivered, $"{delivered:HHmm}{i:D2}UNIQUEIDXY");
            var json = "{\"Records\":[" + string.Join(",", Enumerable.Range(0, records)
                .Select(r => TestLogs.Record(account, region, delivered.AddSeconds(-r), $"{account}-{region}-{delivered:yyyyMMddHHmm}-{i}-{r}"))) + "]}";
            Objects[key] = TestLogs.Gzip(json);
            LogKeys.Add(key);
            listed.Add((key, Sha256(Encoding.UTF8.GetBytes(json))));
        }
        Digest(hour, listed, restartChain);
        return this;
    }

    /// <summary>A digest for the hour from <paramref name="hour"/>, listing these files, chained to the last one (or starting a chain).</summary>
    public string Digest(DateTimeOffset hour, IReadOnlyList<(string Key, string Sha256)> listed, bool restartChain = false)
    {
        var end = hour.AddHours(1).AddSeconds(31);
        var key = DigestKey(end);
        var previous = restartChain ? null : _previous;
        var content = DigestJson(key, end.AddHours(-1), end, listed, previous);
        var sha = Sha256(content);
        var signature = signer is null
            ? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(256))
            : Convert.ToHexStringLower(signer.SignData(Encoding.UTF8.GetBytes(
                $"{Time(end)}\n{bucket}/{key}\n{sha}\n{previous?.Signature ?? "null"}"), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        Objects[key] = Gzip(content);
        Signatures[key] = signature;
        DigestKeys.Add(key);
        _previous = (key, sha, signature);
        return key;
    }

    /// <summary>Rewrites a digest's JSON and signs it again with <paramref name="signer"/>, as someone with write access to the bucket could.</summary>
    public void Rewrite(string digestKey, Func<string, string> edit, RSA signer)
    {
        var json = edit(Encoding.UTF8.GetString(Gunzip(Objects[digestKey])));
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var previous = root.GetProperty("previousDigestSignature") is { ValueKind: JsonValueKind.String } p ? p.GetString() : null;
        var content = Encoding.UTF8.GetBytes(json);
        Objects[digestKey] = Gzip(content);
        Signatures[digestKey] = Convert.ToHexStringLower(signer.SignData(Encoding.UTF8.GetBytes(
            $"{root.GetProperty("digestEndTime").GetString()}\n{root.GetProperty("digestS3Bucket").GetString()}/{root.GetProperty("digestS3Object").GetString()}\n{Sha256(content)}\n{previous ?? "null"}"),
            HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    public string DigestKey(DateTimeOffset end) =>
        $"AWSLogs/{account}/CloudTrail-Digest/{region}/{end:yyyy'/'MM'/'dd}/{account}_CloudTrail-Digest_{region}_{name}_{region}_{end:yyyyMMdd'T'HHmmss}Z.json.gz";

    /// <summary>The JSON `aws cloudtrail list-public-keys` prints, holding the signer's public key.</summary>
    public static string PublicKeysJson(RSA key, string fingerprint = Fingerprint) => JsonSerializer.Serialize(new
    {
        PublicKeyList = new[]
        {
            new { Value = Convert.ToBase64String(key.ExportRSAPublicKey()), ValidityStartTime = "2026-01-01T00:00:00Z", ValidityEndTime = "2027-01-01T00:00:00Z", Fingerprint = fingerprint },
        },
    });

    /// <summary>Writes every object under <paramref name="dir"/> at its key, as a copy of the bucket on disk.</summary>
    public void WriteTo(string dir)
    {
        foreach (var (key, bytes) in Objects)
        {
            var path = Path.Combine(dir, key);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, bytes);
        }
    }

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public static byte[] Gzip(byte[] bytes)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest)) gzip.Write(bytes);
        return buffer.ToArray();
    }

    public static byte[] Gunzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress)) gzip.CopyTo(output);
        return output.ToArray();
    }

    private byte[] DigestJson(string key, DateTimeOffset start, DateTimeOffset end, IReadOnlyList<(string Key, string Sha256)> listed, (string Key, string Sha256, string Signature)? previous) =>
        JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object?>
        {
            ["awsAccountId"] = account,
            ["digestStartTime"] = Time(start),
            ["digestEndTime"] = Time(end),
            ["digestS3Bucket"] = bucket,
            ["digestS3Object"] = key,
            ["digestPublicKeyFingerprint"] = Fingerprint,
            ["digestSignatureAlgorithm"] = "SHA256withRSA",
            ["newestEventTime"] = listed.Count == 0 ? null : Time(end.AddMinutes(-6)),
            ["oldestEventTime"] = listed.Count == 0 ? null : Time(start),
            ["previousDigestS3Bucket"] = previous is null ? null : bucket,
            ["previousDigestS3Object"] = previous?.Key,
            ["previousDigestHashValue"] = previous?.Sha256,
            ["previousDigestHashAlgorithm"] = previous is null ? null : "SHA-256",
            ["previousDigestSignature"] = previous?.Signature,
            ["logFiles"] = listed.Select(f => new Dictionary<string, string>
            {
                ["s3Bucket"] = bucket, ["s3Object"] = f.Key, ["hashValue"] = f.Sha256, ["hashAlgorithm"] = "SHA-256",
                ["newestEventTime"] = Time(end.AddMinutes(-6)), ["oldestEventTime"] = Time(start),
            }).ToList(),
        });

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
