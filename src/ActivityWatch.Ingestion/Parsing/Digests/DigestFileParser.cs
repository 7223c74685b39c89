using System.Globalization;
using System.Text.Json;
using ActivityWatch.Ingestion.Parsing.CloudTrail;
using ActivityWatch.Monitoring.Integrity;

namespace ActivityWatch.Ingestion.Parsing.Digests;

/// <summary>
/// Reads the fields of a CloudTrail digest file (AWS CloudTrail User Guide, "CloudTrail digest file
/// structure") into a <see cref="DigestRead"/>. Digest content is as hostile as any log content: any
/// JSON shape is accepted without throwing, and a digest that is not the documented shape gets a
/// <see cref="DigestRead.Problem"/> saying where it differs, instead of half its fields. The fields
/// the AWS CLI's validate-logs requires are required here too. Every kept string is checked to be
/// what AWS writes there (S3 keys of at most 1,024 bytes, hex hashes and signatures, no control
/// characters or broken surrogates), so no digest can carry text PostgreSQL would refuse or an index
/// could not hold into the verifier's tables; a problem never quotes the digest's own values.
/// </summary>
public static partial class DigestFileParser
{
    private static readonly string[] RequiredText = ["awsAccountId", "digestStartTime", "digestEndTime", "digestS3Bucket", "digestS3Object", "digestPublicKeyFingerprint"];
    private static readonly string[] OptionalText = ["digestSignatureAlgorithm", "previousDigestS3Bucket", "previousDigestS3Object", "previousDigestHashValue", "previousDigestHashAlgorithm", "previousDigestSignature"];

    /// <summary>
    /// Fills the digest's fields from the uncompressed content, or only its problem: fields are
    /// copied once the whole digest has the documented shape, so a bad one vouches for nothing.
    /// </summary>
    public static void Parse(ReadOnlySpan<byte> content, DigestRead digest) => digest.Problem = Read(content, digest);

    private static string? Read(ReadOnlySpan<byte> content, DigestRead digest)
    {
        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(content, JsonOptions.Reader);
            document = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException error)
        {
            return $"not JSON: {error.Message}";
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return $"a JSON {root.ValueKind.ToString().ToLowerInvariant()}, not an object";
            var text = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var name in RequiredText)
            {
                if (!root.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String) return $"{name} is missing or not a string";
                if (!TryString(value, out var read)) return $"{name} is not valid text";
                text[name] = read;
            }
            foreach (var name in OptionalText)
            {
                if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) text[name] = null;
                else if (value.ValueKind == JsonValueKind.String && TryString(value, out var read)) text[name] = read;
                else if (value.ValueKind == JsonValueKind.String) return $"{name} is not valid text";
                else return $"{name} is a JSON {value.ValueKind.ToString().ToLowerInvariant()}, not a string or null";
            }
            foreach (var (name, value) in text)
            {
                if (value is not null && !IsSafe(value, name.EndsWith("S3Object", StringComparison.Ordinal) ? MaxKeyBytes : MaxFieldBytes))
                    return $"{name} is not what AWS writes there (too long, or control characters)";
            }
            if (!AccountId().IsMatch(text["awsAccountId"]!)) return "awsAccountId is not a 12-digit account id";
            if (text["previousDigestSignature"] is { } signature && !IsHex(signature)) return "previousDigestSignature is not hexadecimal";
            if (!IsTime(text["digestStartTime"]) || !IsTime(text["digestEndTime"])) return "digestStartTime or digestEndTime is not an ISO 8601 time";
            if (text["previousDigestHashValue"] is { } previous && !IsSha256(previous)) return "previousDigestHashValue is not a hex SHA-256";
            if (text["previousDigestHashAlgorithm"] is { } algorithm && algorithm != "SHA-256") return "previousDigestHashAlgorithm is not SHA-256";
            if (!root.TryGetProperty("logFiles", out var logFiles) || logFiles.ValueKind != JsonValueKind.Array) return "logFiles is missing or not an array";

            var files = new List<DigestedLogFile>();
            var index = 0;
            foreach (var entry in logFiles.EnumerateArray())
            {
                if (entry.ValueKind != JsonValueKind.Object) return $"logFiles[{index}] is not an object";
                if (Text(entry, "s3Bucket") is not { } bucket || Text(entry, "s3Object") is not { Length: > 0 } key)
                    return $"logFiles[{index}] has no s3Bucket or s3Object string";
                if (!IsSafe(bucket, MaxFieldBytes) || !IsSafe(key, MaxKeyBytes))
                    return $"logFiles[{index}] has an s3Bucket or s3Object that is not what AWS writes there (too long, or control characters)";
                if (Text(entry, "hashValue") is not { } hash || !IsSha256(hash)) return $"logFiles[{index}].hashValue is not a hex SHA-256";
                var hashAlgorithm = Text(entry, "hashAlgorithm");
                if (hashAlgorithm is not null && hashAlgorithm != "SHA-256") return $"logFiles[{index}].hashAlgorithm is not SHA-256";
                files.Add(new DigestedLogFile { S3Bucket = bucket, S3Object = key, HashValue = hash.ToLowerInvariant(), HashAlgorithm = hashAlgorithm });
                index++;
            }

            digest.AwsAccountId = text["awsAccountId"];
            digest.DigestStartTime = text["digestStartTime"];
            digest.DigestEndTime = text["digestEndTime"];
            digest.DigestS3Bucket = text["digestS3Bucket"];
            digest.DigestS3Object = text["digestS3Object"];
            digest.DigestPublicKeyFingerprint = text["digestPublicKeyFingerprint"];
            digest.DigestSignatureAlgorithm = text["digestSignatureAlgorithm"];
            digest.PreviousDigestS3Bucket = text["previousDigestS3Bucket"];
            digest.PreviousDigestS3Object = text["previousDigestS3Object"];
            digest.PreviousDigestHashValue = text["previousDigestHashValue"]?.ToLowerInvariant();
            digest.PreviousDigestHashAlgorithm = text["previousDigestHashAlgorithm"];
            digest.PreviousDigestSignature = text["previousDigestSignature"];
            digest.LogFiles = files;
            return null;
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && TryString(value, out var text) ? text : null;

    /// <summary>GetString throws on an escaped lone surrogate ("\ud800"): such a string is no text AWS writes.</summary>
    private static bool TryString(JsonElement value, out string? text)
    {
        try
        {
            text = value.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            text = null;
            return false;
        }
    }

    private static bool IsSha256(string value) => value.Length == 64 && value.All(Uri.IsHexDigit);

    private static bool IsHex(string value) => value.Length <= MaxFieldBytes && value.All(Uri.IsHexDigit);

    /// <summary>S3 caps a key at 1,024 bytes of UTF-8; other fields are short (a 4096-bit signature is 1,024 hex digits).</summary>
    private const int MaxKeyBytes = 1024;
    private const int MaxFieldBytes = 2048;

    /// <summary>Within the length, no control characters, and surrogates only in pairs (PostgreSQL refuses NUL and lone surrogates).</summary>
    private static bool IsSafe(string value, int maxBytes)
    {
        if (value.Length > maxBytes) return false;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsControl(c)) return false;
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])) i++;
            else if (char.IsSurrogate(c)) return false;
        }
        return System.Text.Encoding.UTF8.GetByteCount(value) <= maxBytes;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\d{12}$")]
    private static partial System.Text.RegularExpressions.Regex AccountId();

    private static bool IsTime(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out _);
}
