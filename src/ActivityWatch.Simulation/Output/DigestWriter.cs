using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using ActivityWatch.Simulation.Catalog;
using ActivityWatch.Simulation.Randomness;

namespace ActivityWatch.Simulation.Output;

/// <summary>
/// Hourly CloudTrail digest files per account and region, as log file integrity validation writes
/// them (AWS CloudTrail User Guide, "CloudTrail digest file structure"): each lists the log files
/// delivered in its hour with the SHA-256 of their uncompressed content, and holds the SHA-256 of the
/// previous digest's uncompressed content and its signature, so the chain verifies. An hour with no
/// files still gets its (empty) digest once the chain has started, as CloudTrail delivers one every
/// hour. Signatures are random: nothing here holds CloudTrail's private key, so only hashes and the
/// chain verify, not signatures.
/// </summary>
internal sealed class DigestWriter(SimulatedOrganization organization, SimulationRandom random, string outDir)
{
    private readonly SortedDictionary<(string Account, string Region), List<LogFileEntry>> _hour = new();
    private readonly Dictionary<(string Account, string Region), Previous> _previous = [];

    public void AddLogFile(string account, string region, string key, MemoryStream content, DateTimeOffset oldest, DateTimeOffset newest)
    {
        // The digest holds the SHA-256 of each log file's uncompressed content.
        var hash = Convert.ToHexStringLower(SHA256.HashData(content.GetBuffer().AsSpan(0, (int)content.Length)));
        if (!_hour.TryGetValue((account, region), out var entries))
        {
            _hour[(account, region)] = entries = [];
        }

        entries.Add(new LogFileEntry(key, hash, oldest, newest));
    }

    /// <summary>Writes the digests for the hour starting at <paramref name="hourStart"/>; returns how many.</summary>
    public int CloseHour(DateTimeOffset hourStart)
    {
        var written = 0;
        foreach (var ((accountId, region), entries) in _hour)
        {
            var account = organization.Account(accountId);
            var end = hourStart.AddHours(1).AddSeconds(31);
            var key = CloudTrailFileNames.DigestFile(accountId, region, account.TrailName, account.Regions[0], end);
            _previous.TryGetValue((accountId, region), out var last);
            var bytes = Render(account, region, key, end.AddHours(-1), end, entries, last);
            var path = Path.Combine(outDir, key);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using (var file = File.Create(path))
            using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
            {
                gzip.Write(bytes);
            }

            _previous[(accountId, region)] = new Previous(key, Convert.ToHexStringLower(SHA256.HashData(bytes)), random.Hex(512));
            entries.Clear();
            written++;
        }

        return written;
    }

    private static byte[] Render(SimulatedAccount account, string region, string key, DateTimeOffset start, DateTimeOffset end, List<LogFileEntry> entries, Previous? last)
    {
        using var stream = new MemoryStream();
        using (var j = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            j.WriteStartObject();
            j.WriteString("awsAccountId", account.Id);
            j.WriteString("digestStartTime", Format.EventTime(start));
            j.WriteString("digestEndTime", Format.EventTime(end));
            j.WriteString("digestS3Bucket", account.TrailBucket);
            j.WriteString("digestS3Object", key);
            j.WriteString("digestPublicKeyFingerprint", account.DigestKeyFingerprint);
            j.WriteString("digestSignatureAlgorithm", "SHA256withRSA");
            // An empty digest says so with null event times.
            j.WriteString("newestEventTime", entries.Count == 0 ? null : Format.EventTime(entries.Max(e => e.Newest)));
            j.WriteString("oldestEventTime", entries.Count == 0 ? null : Format.EventTime(entries.Min(e => e.Oldest)));
            j.WriteString("previousDigestS3Bucket", last is null ? null : account.TrailBucket);
            j.WriteString("previousDigestS3Object", last?.Key);
            j.WriteString("previousDigestHashValue", last?.Hash);
            j.WriteString("previousDigestHashAlgorithm", last is null ? null : "SHA-256");
            j.WriteString("previousDigestSignature", last?.Signature);
            j.WriteStartArray("logFiles");
            foreach (var entry in entries)
            {
                j.WriteStartObject();
                j.WriteString("s3Bucket", account.TrailBucket);
                j.WriteString("s3Object", entry.Key);
                j.WriteString("hashValue", entry.Hash);
                j.WriteString("hashAlgorithm", "SHA-256");
                j.WriteString("newestEventTime", Format.EventTime(entry.Newest));
                j.WriteString("oldestEventTime", Format.EventTime(entry.Oldest));
                j.WriteEndObject();
            }

            j.WriteEndArray();
            j.WriteEndObject();
        }

        return stream.ToArray();
    }

    private sealed record LogFileEntry(string Key, string Hash, DateTimeOffset Oldest, DateTimeOffset Newest);

    private sealed record Previous(string Key, string Hash, string Signature);
}
