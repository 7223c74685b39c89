namespace ActivityWatch.Monitoring.Permissions.Actions;

/// <summary>
/// One operation of the S3 server access log and the IAM actions that authorise it: when the line
/// names no object (<see cref="Bucket"/>), an object (<see cref="Object"/>, else the bucket's), and
/// an object version through "?versionId=" in the request-URI (<see cref="Version"/>, else the
/// object's). No actions and a reason: S3 did it itself, or nothing IAM decides was asked.
/// </summary>
public sealed record S3AccessLogOperation(string Name, string[] Bucket, string[]? Object = null, string[]? Version = null, string? NoPermission = null)
{
    public static S3AccessLogOperation Of(string name, string action, string? objectAction = null, string? versionAction = null) =>
        new(name, [action], objectAction is null ? null : [objectAction], versionAction is null ? null : [versionAction]);

    public static S3AccessLogOperation None(string name, string reason) => new(name, [], NoPermission: reason);

    public string[] ActionsFor(bool hasKey, bool versioned) =>
        versioned && Version is not null ? Version
        : hasKey && Object is not null ? Object
        : Bucket;

    /// <summary>Every action this operation can stand for, whatever the line holds (for views that cannot see the key).</summary>
    public IEnumerable<string> AllActions => Bucket.Concat(Object ?? []).Concat(Version ?? []).Distinct(StringComparer.Ordinal);
}
