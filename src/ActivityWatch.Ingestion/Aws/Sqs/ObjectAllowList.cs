using ActivityWatch.Ingestion.Aws.S3;

namespace ActivityWatch.Ingestion.Aws.Sqs;

/// <summary>
/// The S3 objects a queue message may make ActivityWatch read: those under a configured prefix
/// (<see cref="SourcesOptions.S3Prefixes"/>) or in an allowed bucket (<see cref="SourcesOptions.AllowedBuckets"/>,
/// a bucket name or an s3:// prefix). Anyone who can send to the queue can name any bucket and key;
/// the role's own permissions may reach further than the logs. Nothing configured allows nothing.
/// Bucket and key are compared apart, never as one URI string: a "bucket" of "logs/AWSLogs" must
/// not pass as s3://logs/AWSLogs/.
/// </summary>
public sealed class ObjectAllowList
{
    private readonly IReadOnlyList<S3Uri> _allowed;

    public ObjectAllowList(SourcesOptions options)
    {
        _allowed = options.S3Prefixes.Concat(options.AllowedBuckets)
            .Where(value => !string.IsNullOrWhiteSpace(value))
            .Select(value => S3Uri.IsS3(value.Trim()) ? S3Uri.Parse(value.Trim()) : new S3Uri(value.Trim(), ""))
            .ToList();
    }

    public bool IsEmpty => _allowed.Count == 0;

    /// <summary>Null when the object may be read, else why not.</summary>
    public string? Refusal(S3ObjectEntry entry)
    {
        foreach (var allowed in _allowed)
        {
            if (string.Equals(entry.Bucket, allowed.Bucket, StringComparison.Ordinal)
                && entry.Key.StartsWith(allowed.Key, StringComparison.Ordinal))
                return null;
        }
        return IsEmpty
            ? $"{entry.Name} was not read: no ActivityWatch:Sources:S3Prefixes or AllowedBuckets are configured, so queue messages may name no object"
            : $"{entry.Name} was not read: it is outside ActivityWatch:Sources:S3Prefixes and AllowedBuckets";
    }
}
