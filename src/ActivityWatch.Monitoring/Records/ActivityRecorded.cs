using System.Text.Json;

namespace ActivityWatch.Monitoring.Records;

/// <summary>
/// One AWS log record, as an event. Every CloudTrail record and every S3 server access log
/// line becomes exactly one of these; the normalised fields serve queries, projections and
/// detections, and the raw record is kept as logged (unknown fields included) for analysts.
/// </summary>
public sealed record ActivityRecorded
{
    /// <summary><see cref="LogSources.CloudTrail"/>, <see cref="LogSources.CloudTrailViaEventBridge"/> or <see cref="LogSources.S3Access"/>.</summary>
    public required string Source { get; init; }

    /// <summary>The idempotency key: CloudTrail eventID with the recipient account, or a content hash.</summary>
    public required string RecordKey { get; init; }

    /// <summary>CloudTrail eventID, or the S3 request id.</summary>
    public string? RecordId { get; init; }

    /// <summary>When AWS says the activity happened (CloudTrail eventTime, S3 access log time).</summary>
    public required DateTimeOffset EventTime { get; init; }

    public string? EventVersion { get; init; }

    /// <summary>Normalised principal: see <see cref="Principals"/>.</summary>
    public required string Principal { get; init; }

    /// <summary>The assumed-role session name or federated user name, kept when the principal rolls up.</summary>
    public string? SessionName { get; init; }

    /// <summary>CloudTrail userIdentity.type (Root, IAMUser, AssumedRole, ...), "Anonymous", or "Unknown".</summary>
    public required string IdentityType { get; init; }

    /// <summary>The account the activity happened in (recipientAccountId, else the principal's account).</summary>
    public string? AccountId { get; init; }

    /// <summary>The principal's own account (userIdentity.accountId); differs from AccountId across accounts.</summary>
    public string? PrincipalAccountId { get; init; }

    public string? EventSource { get; init; }
    public string? EventName { get; init; }

    /// <summary>CloudTrail eventType: AwsApiCall, AwsServiceEvent, AwsConsoleSignIn, AwsConsoleAction, ...</summary>
    public string? EventType { get; init; }

    public string? AwsRegion { get; init; }
    public string? SourceIp { get; init; }
    public string? UserAgent { get; init; }
    public string? ErrorCode { get; init; }
    public string? ErrorMessage { get; init; }
    public string? AccessKeyId { get; init; }

    /// <summary>True or false when the record says whether MFA was used; null when it does not say.</summary>
    public bool? Mfa { get; init; }

    /// <summary>userIdentity.invokedBy: set when an AWS service acted for the principal.</summary>
    public string? InvokedBy { get; init; }

    public bool? ReadOnly { get; init; }

    /// <summary>S3 server access logs: the bucket, key, HTTP status and bytes sent.</summary>
    public string? Bucket { get; init; }
    public string? ObjectKey { get; init; }
    public int? HttpStatus { get; init; }
    public long? BytesSent { get; init; }

    /// <summary>The file or object the record was read from, and its position there.</summary>
    public required string SourceObject { get; init; }
    public long Position { get; init; }

    /// <summary>The CloudTrail record as logged.</summary>
    public JsonElement? Raw { get; init; }

    /// <summary>The S3 server access log line as logged.</summary>
    public string? RawLine { get; init; }

    /// <summary>
    /// This record with its normalised text safe to store and index (see <see cref="RecordText"/>);
    /// the same instance when nothing needed it, which is nearly always. <see cref="Raw"/> and
    /// <see cref="RawLine"/> stay as logged.
    /// </summary>
    public ActivityRecorded Cleaned()
    {
        const int indexed = RecordText.IndexedBytes, text = RecordText.TextBytes;
        if (!RecordText.NeedsCleaning(Principal, indexed) && !RecordText.NeedsCleaning(AccessKeyId, indexed)
            && !RecordText.NeedsCleaning(SourceIp, indexed) && !RecordText.NeedsCleaning(EventName, indexed)
            && !RecordText.NeedsCleaning(EventSource, indexed) && !RecordText.NeedsCleaning(SessionName, indexed)
            && !RecordText.NeedsCleaning(IdentityType, indexed) && !RecordText.NeedsCleaning(AccountId, indexed)
            && !RecordText.NeedsCleaning(PrincipalAccountId, indexed) && !RecordText.NeedsCleaning(AwsRegion, indexed)
            && !RecordText.NeedsCleaning(ErrorCode, indexed) && !RecordText.NeedsCleaning(RecordId, indexed)
            && !RecordText.NeedsCleaning(EventVersion, indexed) && !RecordText.NeedsCleaning(EventType, indexed)
            && !RecordText.NeedsCleaning(InvokedBy, indexed) && !RecordText.NeedsCleaning(Bucket, indexed)
            && !RecordText.NeedsCleaning(UserAgent, text) && !RecordText.NeedsCleaning(ErrorMessage, text)
            && !RecordText.NeedsCleaning(ObjectKey, text))
            return this;
        return this with
        {
            Principal = RecordText.Clean(Principal, indexed)!,
            AccessKeyId = RecordText.Clean(AccessKeyId, indexed),
            SourceIp = RecordText.Clean(SourceIp, indexed),
            EventName = RecordText.Clean(EventName, indexed),
            EventSource = RecordText.Clean(EventSource, indexed),
            SessionName = RecordText.Clean(SessionName, indexed),
            IdentityType = RecordText.Clean(IdentityType, indexed)!,
            AccountId = RecordText.Clean(AccountId, indexed),
            PrincipalAccountId = RecordText.Clean(PrincipalAccountId, indexed),
            AwsRegion = RecordText.Clean(AwsRegion, indexed),
            ErrorCode = RecordText.Clean(ErrorCode, indexed),
            RecordId = RecordText.Clean(RecordId, indexed),
            EventVersion = RecordText.Clean(EventVersion, indexed),
            EventType = RecordText.Clean(EventType, indexed),
            InvokedBy = RecordText.Clean(InvokedBy, indexed),
            Bucket = RecordText.Clean(Bucket, indexed),
            UserAgent = RecordText.Clean(UserAgent, text),
            ErrorMessage = RecordText.Clean(ErrorMessage, text),
            ObjectKey = RecordText.Clean(ObjectKey, text),
        };
    }
}
