namespace ActivityWatch.Monitoring.Integrity;

/// <summary>
/// Something the digests contradict: a log file missing, modified or added, a digest missing,
/// modified, moved, unreadable, out of the chain or badly signed, or a chain that restarted. Its id
/// names the kind and the object (and hash), so judging again finds nothing new.
/// </summary>
public sealed record IntegrityFinding(
    string Id, string Kind, string Trail, string TrailArn, string? AccountId, string Subject, string Detail, DateTimeOffset? OccurredAt);

/// <summary>The kinds of <see cref="IntegrityFinding"/>.</summary>
public static class IntegrityFindingKinds
{
    public const string LogFileMissing = "log-file-missing";
    public const string LogFileModified = "log-file-modified";
    public const string LogFileAdded = "log-file-added";
    public const string DigestMissing = "digest-missing";
    public const string DigestModified = "digest-modified";
    public const string DigestMoved = "digest-moved";
    public const string DigestUnreadable = "digest-unreadable";
    public const string DigestUnchained = "digest-unchained";
    public const string ChainRestarted = "chain-restarted";
    public const string SignatureInvalid = "signature-invalid";
}

/// <summary>What one verification round did.</summary>
public sealed record IntegrityRound(int LogFilesRead, int DigestsRead, IReadOnlyList<IntegrityFinding> Findings, int AlertsRaised, int AlertsUpdated);
