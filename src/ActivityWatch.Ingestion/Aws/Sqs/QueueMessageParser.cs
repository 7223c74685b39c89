using System.Net;
using System.Text.Json;
using ActivityWatch.Ingestion.Aws.S3;

namespace ActivityWatch.Ingestion.Aws.Sqs;

/// <summary>
/// Recognises the message shapes a log queue carries. Formats, from the AWS documentation:
/// S3 "Event message structure" (Records[].s3.bucket.name / object.key, URL-encoded with '+' for
/// space, and the s3:TestEvent message), SNS "HTTP/S notification JSON" ({"Type":"Notification",
/// "Message":"&lt;string&gt;"}) and EventBridge events ({"detail-type", "source", "detail"}).
/// </summary>
public static class QueueMessageParser
{
    public static QueueMessage Parse(string body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException error)
        {
            return QueueMessage.Unknown($"body is not JSON: {error.Message}");
        }
        using (document) return Parse(document.RootElement, body, snsDepth: 0);
    }

    private static QueueMessage Parse(JsonElement root, string body, int snsDepth)
    {
        if (root.ValueKind != JsonValueKind.Object) return QueueMessage.Unknown($"body is a JSON {root.ValueKind}, not an object");

        if (Text(root, "Type") == "Notification" && Text(root, "Message") is { } inner && snsDepth == 0)
        {
            try
            {
                using var wrapped = JsonDocument.Parse(inner);
                return Parse(wrapped.RootElement, inner, snsDepth + 1);
            }
            catch (JsonException error)
            {
                return QueueMessage.Unknown($"SNS notification whose Message is not JSON: {error.Message}");
            }
        }

        if (Text(root, "Event") == "s3:TestEvent") return new QueueMessage(QueueMessageKind.TestEvent, [], null, null);

        if (root.TryGetProperty("Records", out var records) && records.ValueKind == JsonValueKind.Array)
            return S3Records(records);

        if (root.TryGetProperty("detail-type", out _) && root.TryGetProperty("detail", out var detail) && detail.ValueKind == JsonValueKind.Object)
            return EventBridge(root, detail, body);

        return QueueMessage.Unknown($"unknown message shape (keys: {string.Join(", ", root.EnumerateObject().Take(8).Select(p => p.Name))})");
    }

    private static QueueMessage S3Records(JsonElement records)
    {
        var objects = new List<S3ObjectEntry>();
        var other = 0;
        foreach (var record in records.EnumerateArray())
        {
            if (record.ValueKind != JsonValueKind.Object || Text(record, "eventSource") != "aws:s3"
                || !record.TryGetProperty("s3", out var s3)
                || Text(s3, "bucket", "name") is not { } bucket || Text(s3, "object", "key") is not { } key)
            {
                return QueueMessage.Unknown("Records[] entry that is not an S3 event record (eventSource aws:s3 with s3.bucket.name and s3.object.key)");
            }
            if (Text(record, "eventName")?.StartsWith("ObjectCreated:", StringComparison.Ordinal) != true)
            {
                other++;
                continue;
            }
            DateTimeOffset? time = Text(record, "eventTime") is { } t && DateTimeOffset.TryParse(t, out var parsed) ? parsed : null;
            // S3 URL-encodes the key in event messages, with '+' for a space: "red flower.jpg" arrives as "red+flower.jpg".
            objects.Add(new S3ObjectEntry(bucket, WebUtility.UrlDecode(key), Text(s3, "object", "eTag"), Long(s3, "object", "size"), time));
        }
        if (objects.Count == 0 && other > 0) return new QueueMessage(QueueMessageKind.Ignored, [], null, "no ObjectCreated records");
        if (objects.Count == 0) return QueueMessage.Unknown("S3 event message with no records");
        return new QueueMessage(QueueMessageKind.S3Objects, objects, null, null);
    }

    private static QueueMessage EventBridge(JsonElement root, JsonElement detail, string body)
    {
        var source = Text(root, "source");
        var detailType = Text(root, "detail-type");
        if (source == "aws.s3" && detailType == "Object Created"
            && Text(detail, "bucket", "name") is { } bucket && Text(detail, "object", "key") is { } key)
        {
            // EventBridge carries the key as stored, not URL-encoded like S3 event notifications.
            DateTimeOffset? time = Text(root, "time") is { } t && DateTimeOffset.TryParse(t, out var parsed) ? parsed : null;
            return new QueueMessage(QueueMessageKind.S3Objects,
                [new S3ObjectEntry(bucket, key, Text(detail, "object", "etag"), Long(detail, "object", "size"), time)], null, null);
        }
        if (source == "aws.s3" && detailType?.StartsWith("Object ", StringComparison.Ordinal) == true)
            return new QueueMessage(QueueMessageKind.Ignored, [], null, detailType);
        // CloudTrail events reach EventBridge as "AWS API Call via CloudTrail", "AWS Console Sign In via
        // CloudTrail", "AWS Service Event via CloudTrail"...: their detail is the CloudTrail record.
        if (detail.TryGetProperty("eventName", out _) || detail.TryGetProperty("eventID", out _))
            return new QueueMessage(QueueMessageKind.EventBridgeCloudTrail, [], body, null);
        return QueueMessage.Unknown($"EventBridge event without a CloudTrail record in its detail (source {source}, detail-type {detailType})");
    }

    private static string? Text(JsonElement element, params string[] path)
    {
        foreach (var name in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element)) return null;
        }
        return element.ValueKind == JsonValueKind.String ? element.GetString() : null;
    }

    private static long? Long(JsonElement element, params string[] path)
    {
        foreach (var name in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element)) return null;
        }
        return element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out var value) ? value : null;
    }
}
