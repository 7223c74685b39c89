namespace ActivityWatch.Monitoring.Integrity;

/// <summary>One trail's digest chain (a trail's digests from one region) as `status` shows it.</summary>
public sealed record TrailIntegrity
{
    public required string Trail { get; init; }
    public required string TrailArn { get; init; }
    public string? AccountId { get; init; }
    public string? Region { get; init; }
    public string? TrailName { get; init; }

    /// <summary>The end of the newest hour whose digest, the files it lists and its link to the previous digest all checked out.</summary>
    public DateTimeOffset? VerifiedThrough { get; init; }

    /// <summary>The end of the newest hour a digest was read for.</summary>
    public DateTimeOffset? NewestDigest { get; init; }

    public long Digests { get; init; }
    public long Verified { get; init; }
    public long Failed { get; init; }
    /// <summary>Digests still waiting for something (the next digest, the files they list, the grace time).</summary>
    public long Pending { get; init; }
    /// <summary>Digests whose signature verified with a supplied public key (0 when none was supplied).</summary>
    public long SignaturesValid { get; init; }
    public long Findings { get; init; }
    public string? LastFinding { get; init; }
}
