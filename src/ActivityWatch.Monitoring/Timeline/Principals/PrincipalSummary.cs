namespace ActivityWatch.Monitoring.Timeline.Principals;

/// <summary>One principal in the list: what it is and how busy it was in the range.</summary>
public sealed record PrincipalSummary(
    string Principal,
    string IdentityType,
    string? AccountId,
    long Events,
    long Errors,
    long SourceIps,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen)
{
    /// <summary>"unresolved": a role named as S3 access logs name it, without its path, that no CloudTrail record or IAM import confirms.</summary>
    public string? PrincipalForm { get; init; }
}
