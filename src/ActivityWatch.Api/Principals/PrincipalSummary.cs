namespace ActivityWatch.Api.Principals;

/// <summary>One principal in the list: what it is and how busy it was in the range.</summary>
public sealed record PrincipalSummary(
    string Principal,
    string IdentityType,
    string? AccountId,
    long Events,
    long Errors,
    long SourceIps,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen);
