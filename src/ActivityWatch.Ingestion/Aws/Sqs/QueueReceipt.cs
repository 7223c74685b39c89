namespace ActivityWatch.Ingestion.Aws.Sqs;

/// <summary>What one receive from a queue did: messages settled or left, and the log objects and records they brought.</summary>
public readonly record struct QueueReceipt(int Messages, int Objects, long Records, int Failures);
