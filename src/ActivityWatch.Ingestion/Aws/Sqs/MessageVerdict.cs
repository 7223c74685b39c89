namespace ActivityWatch.Ingestion.Aws.Sqs;

/// <summary>The outcome of handling one message.</summary>
public sealed record MessageVerdict(MessageAction Action, string? Reason, long Records = 0, int Objects = 0);
