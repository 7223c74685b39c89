namespace ActivityWatch.Monitoring.Integrity;

/// <summary>
/// A CloudTrail log file was read: the SHA-256 of its uncompressed content, as digest files list it.
/// Stored in the transaction that completes the file's checkpoint, so a file counted as read always
/// has its hash; the verifier moves it into its tables (an inbox, emptied each round).
/// </summary>
public sealed class LogFileRead
{
    /// <summary>"{Key}|{Sha256}": reading the same content again changes nothing; a changed file is a second fact.</summary>
    public string Id { get; set; } = "";

    /// <summary>The key from AWSLogs/ on (see <see cref="CloudTrailKeys"/>).</summary>
    public string Key { get; set; } = "";

    public string Sha256 { get; set; } = "";

    /// <summary>The path or s3:// URI it was read from.</summary>
    public string SourceObject { get; set; } = "";

    public DateTimeOffset ReadAt { get; set; }

    public static string IdFor(string key, string sha256) => $"{key}|{sha256}";
}
