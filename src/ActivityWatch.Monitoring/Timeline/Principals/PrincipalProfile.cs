namespace ActivityWatch.Monitoring.Timeline.Principals;

/// <summary>
/// A principal at a glance, from the timeline: identity, credentials, MFA posture, what it did
/// by access level over time, and the actions it used with when it last used each.
/// Sections owned by other modules (granted and unused permissions, alerts) are added by the
/// endpoint when those modules are present.
/// </summary>
public sealed record PrincipalProfile
{
    public required string Principal { get; init; }

    /// <summary>Every form the logs name this principal by (a role from S3 access logs has no path); the first is <see cref="Principal"/>.</summary>
    public IReadOnlyList<string> LoggedAs { get; init; } = [];

    /// <summary>"resolved" when asked for by a logged form that resolved to the role's ARN, "unresolved" when no role of that name is known.</summary>
    public string? PrincipalForm { get; init; }

    public required bool IsRoot { get; init; }
    public required DateTimeOffset Since { get; init; }
    public required DateTimeOffset Until { get; init; }
    public required long Events { get; init; }
    public required long Errors { get; init; }
    public DateTimeOffset? FirstSeen { get; init; }
    public DateTimeOffset? LastSeen { get; init; }
    public required IReadOnlyList<ValueCount> IdentityTypes { get; init; }
    public required IReadOnlyList<ValueCount> Accounts { get; init; }
    public required IReadOnlyList<ValueCount> SessionNames { get; init; }
    public required IReadOnlyList<ValueCount> AccessKeys { get; init; }
    public required IReadOnlyList<ValueCount> SourceIps { get; init; }
    public required MfaPosture Mfa { get; init; }
    public required ActivitySeries Activity { get; init; }
    public required IReadOnlyList<ActionUse> Actions { get; init; }
}

/// <summary>A value seen in the principal's records, how often, and when first and last.</summary>
public sealed record ValueCount(string Value, long Count, DateTimeOffset FirstSeen, DateTimeOffset LastSeen);

/// <summary>Records that say MFA was used, that say it was not, and that do not say.</summary>
public sealed record MfaPosture(long WithMfa, long WithoutMfa, long Unknown);

/// <summary>Records per bucket, split by IAM access level (List, Read, Tagging, Write, Permissions management, Unknown).</summary>
public sealed record ActivitySeries(int BucketSeconds, IReadOnlyList<string> Levels, IReadOnlyList<ActivityPoint> Points);

public sealed record ActivityPoint(DateTimeOffset Start, IReadOnlyDictionary<string, long> Counts);

/// <summary>An API call the principal made: the IAM action it needed, its access level, and when it last succeeded.</summary>
public sealed record ActionUse(
    string? EventSource,
    string? EventName,
    string? Action,
    string AccessLevel,
    long Count,
    long Errors,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen,
    DateTimeOffset? LastSucceeded);
