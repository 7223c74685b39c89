namespace ActivityWatch.Ingestion.Aws;

/// <summary>Configuration section "ActivityWatch:Sources" (env: ActivityWatch__Sources__*): what `watch` follows.</summary>
public sealed class SourcesOptions
{
    public const string Section = "ActivityWatch:Sources";

    /// <summary>Bucket prefixes to poll: trail buckets (s3://bucket/AWSLogs/) and S3 server access log prefixes.</summary>
    public List<string> S3Prefixes { get; set; } = [];

    /// <summary>SQS queue URLs carrying S3 ObjectCreated notifications (direct or via SNS) or EventBridge events.</summary>
    public List<string> Queues { get; set; } = [];

    /// <summary>
    /// Buckets (or s3:// prefixes) whose objects a queue message may name, besides <see cref="S3Prefixes"/>.
    /// A message may name any bucket and key, so anything outside both is dead-lettered unread.
    /// </summary>
    public List<string> AllowedBuckets { get; set; } = [];

    /// <summary>Where poison messages go, with the reason as a message attribute.</summary>
    public string? DeadLetterQueueUrl { get; set; }

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How far before the last key done a poll lists again. CloudTrail names files by minute plus a
    /// random suffix, so a file delivered later in the same minute can sort before the last key done;
    /// objects already read are skipped by their checkpoints.
    /// </summary>
    public TimeSpan LateArrivalWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>ListObjectsV2 MaxKeys (S3 caps it at 1000).</summary>
    public int ListPageSize { get; set; } = 1000;

    /// <summary>How often the account and region folders under each prefix are looked for again.</summary>
    public TimeSpan DiscoveryInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Long-poll wait of ReceiveMessage (SQS allows 0 to 20 s).</summary>
    public int QueueWaitSeconds { get; set; } = 20;

    /// <summary>Visibility timeout asked for on receive; a heartbeat extends it every third of it while a message is processed.</summary>
    public int VisibilityTimeoutSeconds { get; set; } = 120;

    /// <summary>A message received more often than this is dead-lettered instead of processed again.</summary>
    public int MaxReceiveCount { get; set; } = 5;

    /// <summary>Messages processed at once per queue (each may name several objects).</summary>
    public int MessageParallelism { get; set; } = 4;
}
