using ActivityWatch.Ingestion.Aws.S3;

namespace ActivityWatch.Ingestion.Aws.Sqs;

/// <summary>What a queue message asks for. <see cref="Content"/> is the log content of an EventBridge event (the unwrapped body).</summary>
public sealed record QueueMessage(QueueMessageKind Kind, IReadOnlyList<S3ObjectEntry> Objects, string? Content, string? Reason)
{
    public static QueueMessage Unknown(string reason) => new(QueueMessageKind.Unknown, [], null, reason);
}
