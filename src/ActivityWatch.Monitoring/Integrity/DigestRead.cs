namespace ActivityWatch.Monitoring.Integrity;

/// <summary>
/// A CloudTrail digest file was read: its fields (AWS CloudTrail User Guide, "CloudTrail digest file
/// structure"), the SHA-256 of its uncompressed content (what the next digest's previousDigestHashValue
/// and the signature cover) and its signature when S3 metadata carried one (x-amz-meta-signature).
/// A digest that could not be read has a <see cref="Problem"/> and no fields. Every field came from the
/// bucket, so from whoever can write to it: the verifier trusts none of it until the chain does.
/// </summary>
public sealed class DigestRead
{
    /// <summary>"{Key}|{Sha256}".</summary>
    public string Id { get; set; } = "";

    /// <summary>The key it was read from, from AWSLogs/ on; else the key it names for itself, else its source.</summary>
    public string Key { get; set; } = "";

    /// <summary>True when the name it was read under is a digest key (so its location can be compared).</summary>
    public bool KeyFromLocation { get; set; }

    public string Sha256 { get; set; } = "";
    public string SourceObject { get; set; } = "";
    public DateTimeOffset ReadAt { get; set; }

    /// <summary>Hex signature from the object's metadata; files on disk have none (the next digest repeats it).</summary>
    public string? Signature { get; set; }
    public string? SignatureAlgorithmMetadata { get; set; }

    /// <summary>Why the digest could not be read (not gzip JSON, a field of the wrong type, ...); null when it was.</summary>
    public string? Problem { get; set; }

    public string? AwsAccountId { get; set; }
    public string? DigestStartTime { get; set; }
    public string? DigestEndTime { get; set; }
    public string? DigestS3Bucket { get; set; }
    public string? DigestS3Object { get; set; }
    public string? DigestPublicKeyFingerprint { get; set; }
    public string? DigestSignatureAlgorithm { get; set; }
    public string? PreviousDigestS3Bucket { get; set; }
    public string? PreviousDigestS3Object { get; set; }
    public string? PreviousDigestHashValue { get; set; }
    public string? PreviousDigestHashAlgorithm { get; set; }
    public string? PreviousDigestSignature { get; set; }
    public List<DigestedLogFile> LogFiles { get; set; } = [];

    public static string IdFor(string key, string sha256) => $"{key}|{sha256}";
}

/// <summary>One entry of a digest's logFiles: a log file delivered in the hour and the SHA-256 of its uncompressed content.</summary>
public sealed class DigestedLogFile
{
    public string S3Bucket { get; set; } = "";
    public string S3Object { get; set; } = "";
    public string HashValue { get; set; } = "";
    public string? HashAlgorithm { get; set; }
}
