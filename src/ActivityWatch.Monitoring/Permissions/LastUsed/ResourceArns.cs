using System.Text.Json;
using ActivityWatch.Monitoring.Records;

namespace ActivityWatch.Monitoring.Permissions.LastUsed;

/// <summary>
/// The resource ARNs a record shows for an action: CloudTrail's "resources" array, or the S3
/// bucket (requestParameters.bucketName, or the access log's bucket). S3 object actions are
/// kept at "bucket/*": a policy naming single keys breaks on the next key written.
/// </summary>
public static class ResourceArns
{
    public static IEnumerable<string> For(ActivityRecorded record, string action)
    {
        if (action.StartsWith("s3:", StringComparison.OrdinalIgnoreCase))
        {
            var bucket = record.Bucket ?? BucketName(record.Raw);
            if (action is "s3:ListAllMyBuckets") yield break;
            if (!string.IsNullOrEmpty(bucket) && bucket != "-")
                yield return IsObjectAction(action) ? $"arn:aws:s3:::{bucket}/*" : $"arn:aws:s3:::{bucket}";
            yield break;
        }
        if (record.Raw is not { ValueKind: JsonValueKind.Object } raw
            || !raw.TryGetProperty("resources", out var resources) || resources.ValueKind != JsonValueKind.Array) yield break;
        foreach (var resource in resources.EnumerateArray())
        {
            if (resource.ValueKind == JsonValueKind.Object && resource.TryGetProperty("ARN", out var arn)
                && arn.GetString() is { Length: > 0 } text && text.StartsWith("arn:", StringComparison.Ordinal))
                yield return text;
        }
    }

    public static bool IsObjectAction(string action)
    {
        var name = action[(action.IndexOf(':') + 1)..];
        return (name.Contains("Object", StringComparison.Ordinal) && !name.Contains("Bucket", StringComparison.Ordinal)) || name is "AbortMultipartUpload" or "ListMultipartUploadParts";
    }

    private static string? BucketName(JsonElement? raw) =>
        raw is { ValueKind: JsonValueKind.Object } r && r.TryGetProperty("requestParameters", out var p)
        && p.ValueKind == JsonValueKind.Object && p.TryGetProperty("bucketName", out var b) && b.ValueKind == JsonValueKind.String
            ? b.GetString()
            : null;
}
