using System.Globalization;
using System.Text.Json;
using ActivityWatch.Monitoring.Records;

namespace ActivityWatch.Ingestion.Parsing.CloudTrail;

/// <summary>
/// Maps one CloudTrail record (AWS CloudTrail User Guide, "CloudTrail record contents") to
/// <see cref="ActivityRecorded"/>. It parses what is there: old eventVersions, missing fields and
/// nulls are fine; only a record with no usable eventTime is rejected.
/// </summary>
internal static class CloudTrailRecordMapper
{
    /// <param name="envelope">The EventBridge event around the record, when it came through EventBridge.</param>
    /// <param name="rawBytes">The record's bytes as logged, hashed into the key when it has no eventID.</param>
    public static ActivityRecorded? Map(
        JsonElement record, JsonElement? envelope, ReadOnlySpan<byte> rawBytes, string sourceObject, long position, out string? reason)
    {
        if (record.ValueKind != JsonValueKind.Object)
        {
            reason = $"the record is a JSON {record.ValueKind.ToString().ToLowerInvariant()}, not an object";
            return null;
        }
        if (envelope is not null && !LooksLikeCloudTrail(record))
        {
            reason = $"the EventBridge event '{JsonFields.String(envelope, "detail-type"u8)}' does not carry a CloudTrail record";
            return null;
        }
        if (!TryEventTime(record, envelope, out var eventTime, out reason)) return null;

        var identity = JsonFields.Object(record, "userIdentity"u8);
        var eventSource = JsonFields.String(record, "eventSource"u8);
        var eventName = JsonFields.String(record, "eventName"u8);
        var resolved = UserIdentityResolver.Resolve(identity, eventSource);
        var principalAccountId = JsonFields.NonEmpty(identity, "accountId"u8);
        // EventBridge's detail may omit recipientAccountId and awsRegion: the envelope's account and
        // region are the account and region the event was delivered for.
        var accountId = JsonFields.NonEmpty(record, "recipientAccountId"u8)
            ?? JsonFields.NonEmpty(envelope, "account"u8)
            ?? principalAccountId;
        var eventId = JsonFields.NonEmpty(record, "eventID"u8);

        return new ActivityRecorded
        {
            // A record inside an EventBridge event did not come from the trail's files: say so.
            Source = envelope is null ? LogSources.CloudTrail : LogSources.CloudTrailViaEventBridge,
            RecordKey = eventId is null
                ? "cloudtrail-sha256:" + RecordHash.Sha256Hex(rawBytes)
                : $"cloudtrail:{accountId ?? "-"}:{eventId}",
            RecordId = eventId,
            EventTime = eventTime,
            EventVersion = JsonFields.String(record, "eventVersion"u8),
            Principal = resolved.Principal,
            SessionName = resolved.SessionName,
            IdentityType = resolved.IdentityType,
            AccountId = accountId,
            PrincipalAccountId = principalAccountId,
            EventSource = eventSource,
            EventName = eventName,
            EventType = JsonFields.String(record, "eventType"u8),
            AwsRegion = JsonFields.NonEmpty(record, "awsRegion"u8) ?? JsonFields.NonEmpty(envelope, "region"u8),
            SourceIp = JsonFields.String(record, "sourceIPAddress"u8),
            UserAgent = JsonFields.String(record, "userAgent"u8),
            ErrorCode = JsonFields.String(record, "errorCode"u8),
            ErrorMessage = JsonFields.String(record, "errorMessage"u8),
            AccessKeyId = JsonFields.NonEmpty(identity, "accessKeyId"u8),
            Mfa = Mfa(record, identity, eventName),
            InvokedBy = JsonFields.String(identity, "invokedBy"u8),
            ReadOnly = JsonFields.Boolean(JsonFields.Property(record, "readOnly"u8)),
            SourceObject = sourceObject,
            Position = position,
            Raw = record,
        };
    }

    /// <summary>
    /// Console sign-ins say whether MFA was used in additionalEventData.MFAUsed ("Yes"/"No"); other
    /// calls made with session credentials say it in sessionContext.attributes.mfaAuthenticated.
    /// </summary>
    private static bool? Mfa(JsonElement record, JsonElement? identity, string? eventName)
    {
        if (eventName == "ConsoleLogin"
            && JsonFields.Boolean(JsonFields.Property(JsonFields.Object(record, "additionalEventData"u8), "MFAUsed"u8)) is { } used)
            return used;
        var attributes = JsonFields.Object(JsonFields.Object(identity, "sessionContext"u8), "attributes"u8);
        return JsonFields.Boolean(JsonFields.Property(attributes, "mfaAuthenticated"u8));
    }

    private static bool LooksLikeCloudTrail(JsonElement record) =>
        record.TryGetProperty("eventTime"u8, out _) || record.TryGetProperty("eventVersion"u8, out _)
        || record.TryGetProperty("eventName"u8, out _);

    private static bool TryEventTime(JsonElement record, JsonElement? envelope, out DateTimeOffset time, out string? reason)
    {
        reason = null;
        var value = JsonFields.Property(record, "eventTime"u8);
        // EventBridge's "time" is the CloudTrail eventTime to the second: a fallback for a detail without one.
        if (value is not { ValueKind: JsonValueKind.String } && envelope is not null) value = JsonFields.Property(envelope, "time"u8);
        if (value is not { ValueKind: JsonValueKind.String } text)
        {
            time = default;
            reason = value is null || value.Value.ValueKind == JsonValueKind.Null
                ? "the record has no eventTime"
                : $"eventTime is a JSON {value.Value.ValueKind.ToString().ToLowerInvariant()}, not an ISO 8601 string";
            return false;
        }
        if (text.TryGetDateTimeOffset(out time)
            || DateTimeOffset.TryParse(text.GetString(), CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time))
        {
            time = time.ToUniversalTime();
            return true;
        }
        reason = $"eventTime '{text.GetString()}' is not an ISO 8601 time";
        return false;
    }
}
