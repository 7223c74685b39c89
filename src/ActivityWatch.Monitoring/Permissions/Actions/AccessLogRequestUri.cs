namespace ActivityWatch.Monitoring.Permissions.Actions;

/// <summary>
/// The request-URI of an S3 server access log line ("GET /bucket/key?versionId=abc HTTP/1.1"):
/// the first quoted field, since the fields before it (owner, bucket, time, address, requester,
/// request id, operation, key) are never quoted and keys are logged URL-encoded.
/// </summary>
public static class AccessLogRequestUri
{
    /// <summary>True when the request-URI's query has a non-empty versionId parameter (a request for an object version).</summary>
    public static bool HasVersionId(string? line)
    {
        if (string.IsNullOrEmpty(line)) return false;
        var open = line.IndexOf('"');
        if (open < 0) return false;
        var close = line.IndexOf('"', open + 1);
        var field = close < 0 ? line.AsSpan(open + 1) : line.AsSpan(open + 1, close - open - 1);
        var query = field.IndexOf('?');
        if (query < 0) return false;
        var rest = field[(query + 1)..];
        var space = rest.IndexOf(' ');
        if (space >= 0) rest = rest[..space];
        foreach (var range in rest.Split('&'))
        {
            var parameter = rest[range];
            if (parameter.StartsWith("versionId=", StringComparison.Ordinal) && parameter.Length > "versionId=".Length) return true;
        }
        return false;
    }
}
