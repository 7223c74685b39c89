using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using ActivityWatch.Monitoring.Records;

namespace ActivityWatch.Ingestion.Parsing.CloudTrail;

/// <summary>
/// Turns the bytes of one framed JSON value into a record: a bare CloudTrail record, an
/// EventBridge event (its detail is the record), or a lookup-events entry (its CloudTrailEvent
/// string is the record).
/// </summary>
internal static class CloudTrailRecordReader
{
    /// <param name="parsed">The bytes already parsed by the framer, when it could.</param>
    public static ActivityRecorded? Read(ReadOnlySpan<byte> bytes, JsonElement? parsed, string sourceObject, long position, out string? reason)
    {
        JsonElement root;
        if (parsed is { } ready)
        {
            if (!CheckUtf8(bytes, out reason)) return null;
            root = ready;
        }
        else if (!TryParse(bytes, out root, out reason)) return null;
        if (root.ValueKind != JsonValueKind.Object)
            return CloudTrailRecordMapper.Map(root, null, bytes, sourceObject, position, out reason);

        if (root.TryGetProperty("detail"u8, out var detail)
            && (root.TryGetProperty("detail-type"u8, out _) || root.TryGetProperty("source"u8, out _)))
        {
            if (detail.ValueKind != JsonValueKind.Object)
            {
                reason = "the EventBridge event has no detail object";
                return null;
            }
            return CloudTrailRecordMapper.Map(detail, root, JsonMarshal.GetRawUtf8Value(detail), sourceObject, position, out reason);
        }

        if (root.TryGetProperty("CloudTrailEvent"u8, out var wrapped) && wrapped.ValueKind == JsonValueKind.String
            && !root.TryGetProperty("eventTime"u8, out _))
        {
            var inner = Encoding.UTF8.GetBytes(wrapped.GetString()!);
            if (!TryParse(inner, out var record, out reason))
            {
                reason = "CloudTrailEvent: " + reason;
                return null;
            }
            return CloudTrailRecordMapper.Map(record, null, inner, sourceObject, position, out reason);
        }

        return CloudTrailRecordMapper.Map(root, null, bytes, sourceObject, position, out reason);
    }

    private static bool TryParse(ReadOnlySpan<byte> bytes, out JsonElement root, out string? reason)
    {
        root = default;
        if (!CheckUtf8(bytes, out reason)) return false;
        try
        {
            var reader = new Utf8JsonReader(bytes, JsonOptions.Reader);
            root = JsonElement.ParseValue(ref reader);
            reason = null;
            return true;
        }
        catch (JsonException e)
        {
            reason = $"invalid JSON: {e.Message}";
            return false;
        }
    }

    /// <summary>
    /// System.Text.Json accepts invalid UTF-8 inside strings until they are read: check first, so
    /// a bad record is rejected here rather than failing later when Raw is stored.
    /// </summary>
    private static bool CheckUtf8(ReadOnlySpan<byte> bytes, out string? reason)
    {
        reason = Utf8.IsValid(bytes)
            ? null
            : $"the record is not valid UTF-8 (first invalid byte at record offset {FirstInvalidByte(bytes)})";
        return reason is null;
    }

    private static int FirstInvalidByte(ReadOnlySpan<byte> bytes)
    {
        var offset = 0;
        while (offset < bytes.Length)
        {
            if (System.Text.Rune.DecodeFromUtf8(bytes[offset..], out _, out var consumed) != System.Buffers.OperationStatus.Done)
                return offset;
            offset += consumed;
        }
        return offset;
    }
}
