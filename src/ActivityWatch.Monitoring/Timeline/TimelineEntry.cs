using System.Text.Json;

namespace ActivityWatch.Monitoring.Timeline;

/// <summary>One row of the timeline, in the shape the CLI and API print.</summary>
public sealed record TimelineEntry
{
    /// <summary>CloudTrail eventID, or the S3 request id.</summary>
    public string? EventId { get; init; }
    public required DateTimeOffset EventTime { get; init; }
    public required string Principal { get; init; }

    /// <summary>The principal as the record named it, when that differs from <see cref="Principal"/> or could not be confirmed (a role from an S3 access log, without its path).</summary>
    public string? LoggedPrincipal { get; init; }

    /// <summary>"resolved" (the logged role found under its full ARN) or "unresolved" (no role of that name known); null when the record named the principal exactly.</summary>
    public string? PrincipalForm { get; init; }
    public string? SessionName { get; init; }
    public required string IdentityType { get; init; }
    public string? AccountId { get; init; }
    public string? EventSource { get; init; }
    public string? EventName { get; init; }
    public string? AwsRegion { get; init; }
    public string? SourceIp { get; init; }
    public string? UserAgent { get; init; }
    public string? ErrorCode { get; init; }
    public string? AccessKeyId { get; init; }
    public bool? Mfa { get; init; }
    public required string Source { get; init; }
    public required string SourceObject { get; init; }

    /// <summary>ActivityWatch's own id of the stored event (stable, used for paging and links).</summary>
    public required Guid StoredEventId { get; init; }

    /// <summary>With IncludeRaw: the CloudTrail record as logged, or the access log line as a JSON string.</summary>
    public JsonElement? Raw { get; init; }

    public TimelineCursor Cursor => new(EventTime, StoredEventId);
}
