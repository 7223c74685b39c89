namespace ActivityWatch.Ingestion.Aws.Sqs;

public enum QueueMessageKind
{
    /// <summary>S3 ObjectCreated records (direct from S3, wrapped by SNS, or an EventBridge "Object Created" event).</summary>
    S3Objects,
    /// <summary>s3:TestEvent, sent when a notification configuration is saved: acknowledged and ignored.</summary>
    TestEvent,
    /// <summary>A CloudTrail event forwarded by EventBridge: the body itself is the log content.</summary>
    EventBridgeCloudTrail,
    /// <summary>A valid notification about nothing to read (ObjectRemoved, ...): acknowledged.</summary>
    Ignored,
    /// <summary>None of the shapes above: dead-lettered with the reason.</summary>
    Unknown,
}
