using ActivityWatch.Monitoring.LivePath;

namespace ActivityWatch.Monitoring.Posture;

/// <summary>
/// What one record says about one access key. A record can speak of two keys (CreateAccessKey
/// called with one key creates another), so the projection fans each record out to these.
/// </summary>
public sealed record AccessKeyActivity(
    string KeyId,
    AccessKeyActivityKind Kind,
    string? UserName,
    string Principal,
    string? AccountId,
    DateTimeOffset EventTime,
    string? EventSource,
    string? SourceIp,
    DateTimeOffset? CreateDate,
    string? Status)
{
    public Stamp? Stamp { get; init; }
}
