namespace ActivityWatch.Monitoring.Permissions.LastUsed;

/// <summary>A principal's use of one action over a period: successful calls, denied calls, and where the latest came from.</summary>
public sealed record ActionUse(
    string Principal,
    string Action,
    string Service,
    string IdentityType,
    string? AccountId,
    long Calls,
    DateTimeOffset? FirstUsed,
    DateTimeOffset? LastUsed,
    long Denied,
    DateTimeOffset? LastDenied,
    string? LastRegion,
    string? LastNetwork);
