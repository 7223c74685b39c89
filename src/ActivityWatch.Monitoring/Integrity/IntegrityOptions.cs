namespace ActivityWatch.Monitoring.Integrity;

/// <summary>Configuration section "ActivityWatch:Integrity" (env: ActivityWatch__Integrity__*): CloudTrail log file integrity (CIS 3.2).</summary>
public sealed class IntegrityOptions
{
    public const string Section = "ActivityWatch:Integrity";

    /// <summary>Read digest files and hash log files; off, digests are skipped as before and nothing is verified.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The JSON `aws cloudtrail list-public-keys` prints ({"PublicKeyList":[{"Value","Fingerprint",
    /// "ValidityStartTime","ValidityEndTime"}]}). With it, digest signatures are verified too;
    /// without it (the keys come only from the CloudTrail API), hashes and the chain are.
    /// </summary>
    public string? PublicKeysPath { get; set; }

    /// <summary>
    /// How long `watch` waits after reading a digest before calling a file or digest it lists missing:
    /// notifications arrive in any order. A batch `ingest` has read everything it was given and does not wait.
    /// </summary>
    public TimeSpan Grace { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// A log file no digest lists is called added once a digest starting this long after the file's
    /// time has arrived: CloudTrail lists a late file in the next digest.
    /// </summary>
    public TimeSpan UnlistedAfter { get; set; } = TimeSpan.FromHours(2);

    /// <summary>A digest longer than this (decompressed) is reported as unreadable rather than held in memory.</summary>
    public int MaxDigestBytes { get; set; } = 64 * 1024 * 1024;
}
