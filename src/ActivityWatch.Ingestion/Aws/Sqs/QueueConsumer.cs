using System.Text;
using ActivityWatch.Ingestion.Aws.S3;
using ActivityWatch.Ingestion.Aws.Store;
using ActivityWatch.Ingestion.Objects;
using ActivityWatch.Ingestion.Pipeline;
using ActivityWatch.Monitoring.Integrity;
using Amazon.SQS;
using Amazon.SQS.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ActivityWatch.Ingestion.Aws.Sqs;

/// <summary>
/// Consumes a queue of S3 notifications and EventBridge events. A message is deleted only after
/// the records it names are committed (the pipeline returns after the transaction), so a crash in
/// between redelivers it and the idempotent write path stores nothing twice.
/// </summary>
public sealed class QueueConsumer(
    AwsClients clients,
    S3ObjectIngestor ingestor,
    IngestionPipeline pipeline,
    SourceLedger ledger,
    IOptions<SourcesOptions> sources,
    IOptions<IntegrityOptions> integrity,
    ILogger<QueueConsumer> logger)
{
    public const string ReasonAttribute = "ActivityWatch.Reason";
    public const string SourceQueueAttribute = "ActivityWatch.SourceQueue";

    /// <summary>Receives one batch (long-polling up to <paramref name="waitSeconds"/>) and settles every message in it; returns how many it received.</summary>
    public async Task<int> ReceiveOnceAsync(string queueUrl, int waitSeconds, CancellationToken cancellationToken) =>
        (await ReceiveBatchAsync(queueUrl, waitSeconds, cancellationToken)).Messages;

    /// <summary>Receives one batch and settles every message in it; returns the messages, objects and records it read.</summary>
    public async Task<QueueReceipt> ReceiveBatchAsync(string queueUrl, int waitSeconds, CancellationToken cancellationToken)
    {
        var options = sources.Value;
        var response = await clients.Sqs.ReceiveMessageAsync(new ReceiveMessageRequest
        {
            QueueUrl = queueUrl,
            MaxNumberOfMessages = 10,
            WaitTimeSeconds = Math.Clamp(waitSeconds, 0, 20),
            VisibilityTimeout = options.VisibilityTimeoutSeconds,
            MessageSystemAttributeNames = ["ApproximateReceiveCount"],
            MessageAttributeNames = ["All"],
        }, cancellationToken);
        var messages = response.Messages ?? [];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MessageParallelism), CancellationToken = cancellationToken };
        int objects = 0, failures = 0;
        long records = 0;
        await Parallel.ForEachAsync(messages, parallel, async (message, token) =>
        {
            MessageVerdict verdict;
            try
            {
                verdict = await HandleAsync(queueUrl, message, token);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // One bad message must not stop the batch: it comes back after its visibility timeout,
                // and after MaxReceiveCount receives it is dead-lettered.
                Interlocked.Increment(ref failures);
                await ledger.RecordErrorAsync(queueUrl, message.MessageId, SourceErrorKind.Transient, $"{error.GetType().Name}: {error.Message}", token);
                return;
            }
            Interlocked.Add(ref objects, verdict.Objects);
            Interlocked.Add(ref records, verdict.Records);
            if (verdict.Action != MessageAction.Delete) Interlocked.Increment(ref failures);
            await SettleAsync(queueUrl, message, verdict, token);
        });
        // Notifications come in any order: the round waits out the grace before calling anything missing.
        if (messages.Count > 0) await pipeline.VerifyAsync(settled: false, cancellationToken);
        return new QueueReceipt(messages.Count, objects, records, failures);
    }

    /// <summary>Does the work a message asks for, keeping it invisible meanwhile; deletes nothing.</summary>
    public async Task<MessageVerdict> HandleAsync(string queueUrl, Message message, CancellationToken cancellationToken)
    {
        var options = sources.Value;
        var received = message.Attributes?.GetValueOrDefault("ApproximateReceiveCount") is { } count && int.TryParse(count, out var n) ? n : 1;
        if (received > options.MaxReceiveCount)
        {
            var reason = $"failed {received - 1} times (MaxReceiveCount {options.MaxReceiveCount})";
            await ledger.RecordErrorAsync(queueUrl, message.MessageId, SourceErrorKind.Poison, reason, cancellationToken);
            return new MessageVerdict(MessageAction.DeadLetter, reason);
        }

        var parsed = QueueMessageParser.Parse(message.Body ?? "");
        switch (parsed.Kind)
        {
            case QueueMessageKind.TestEvent:
            case QueueMessageKind.Ignored:
                return new MessageVerdict(MessageAction.Delete, parsed.Reason);
            case QueueMessageKind.Unknown:
                await ledger.RecordErrorAsync(queueUrl, message.MessageId, SourceErrorKind.UnknownMessage, parsed.Reason!, cancellationToken);
                return new MessageVerdict(MessageAction.DeadLetter, parsed.Reason);
        }

        await using var heartbeat = new VisibilityHeartbeat(clients.Sqs, queueUrl, message.ReceiptHandle, options.VisibilityTimeoutSeconds, logger);
        return parsed.Kind == QueueMessageKind.EventBridgeCloudTrail
            ? await IngestEventAsync(queueUrl, message, parsed.Content!, cancellationToken)
            : await IngestObjectsAsync(queueUrl, parsed.Objects, cancellationToken);
    }

    private async Task<MessageVerdict> IngestEventAsync(string queueUrl, Message message, string content, CancellationToken cancellationToken)
    {
        // Named by the queue's URL and the message id: analysts see which queue a forwarded record came
        // through, and a redelivered message has the same name, so its checkpoint says it is done.
        var name = $"{queueUrl}#{message.MessageId}";
        var outcome = await pipeline.IngestObjectAsync(new InMemoryLogObject(name, Encoding.UTF8.GetBytes(content)), reread: false, cancellationToken);
        if (outcome.Failure is { } failure)
        {
            await ledger.RecordErrorAsync(queueUrl, name, SourceErrorKind.Unreadable, failure, cancellationToken);
            return new MessageVerdict(MessageAction.DeadLetter, $"unreadable EventBridge event: {failure}");
        }
        if (!outcome.Unchanged)
            await ledger.CountAsync(queueUrl, new SourceCounts(Objects: 1, Records: outcome.Records, NewestObjectTime: DateTimeOffset.UtcNow), cancellationToken);
        return new MessageVerdict(MessageAction.Delete, null, outcome.Records, 1);
    }

    private async Task<MessageVerdict> IngestObjectsAsync(string queueUrl, IReadOnlyList<S3ObjectEntry> objects, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var retry = false;
        long records = 0;
        var allowList = new ObjectAllowList(sources.Value);
        foreach (var entry in objects)
        {
            if (allowList.Refusal(entry) is { } refusal)
            {
                // Never downloaded: the reason goes with the message to the dead-letter queue and into `status`.
                await ledger.RecordErrorAsync(queueUrl, entry.Name, SourceErrorKind.NotAllowed, refusal, cancellationToken);
                problems.Add(refusal);
                continue;
            }
            if (LogKey.Parse(entry.Key).IsDigest && !integrity.Value.Enabled)
            {
                await ledger.CountAsync(queueUrl, new SourceCounts(Digests: 1), cancellationToken);
                continue;
            }
            var (disposition, outcome) = await ingestor.IngestAsync(queueUrl, entry, cancellationToken);
            records += outcome.Records;
            switch (disposition)
            {
                case ObjectDisposition.Retry:
                    retry = true;
                    break;
                case ObjectDisposition.Denied:
                case ObjectDisposition.Unreadable:
                    problems.Add($"{disposition}: {entry.Name}: {outcome.Failure}");
                    break;
            }
        }
        // A retry wins over a dead letter: the objects that can be read get their chance first,
        // and after MaxReceiveCount receives the message is dead-lettered anyway.
        if (retry) return new MessageVerdict(MessageAction.Retry, "an object could not be downloaded yet", records, objects.Count);
        if (problems.Count > 0) return new MessageVerdict(MessageAction.DeadLetter, string.Join("; ", problems), records, objects.Count);
        return new MessageVerdict(MessageAction.Delete, null, records, objects.Count);
    }

    public async Task SettleAsync(string queueUrl, Message message, MessageVerdict verdict, CancellationToken cancellationToken)
    {
        switch (verdict.Action)
        {
            case MessageAction.Retry:
                return;
            case MessageAction.DeadLetter:
                if (!await DeadLetterAsync(queueUrl, message, verdict.Reason ?? "unknown", cancellationToken)) return;
                break;
        }
        await clients.Sqs.DeleteMessageAsync(queueUrl, message.ReceiptHandle, cancellationToken);
        await ledger.CountAsync(queueUrl, new SourceCounts(Messages: 1, DeadLettered: verdict.Action == MessageAction.DeadLetter ? 1 : 0), cancellationToken);
    }

    private async Task<bool> DeadLetterAsync(string queueUrl, Message message, string reason, CancellationToken cancellationToken)
    {
        var deadLetters = sources.Value.DeadLetterQueueUrl;
        if (string.IsNullOrWhiteSpace(deadLetters))
        {
            // Without a queue of our own the message stays, and the queue's redrive policy (if any) moves it.
            logger.LogError("Poison message {MessageId} on {Queue} ({Reason}) and no ActivityWatch:Sources:DeadLetterQueueUrl", message.MessageId, queueUrl, reason);
            return false;
        }
        // SQS message attribute values are limited to the 256 KB message size; keep the reason short.
        var shortReason = reason.Length > 1000 ? reason[..1000] : reason;
        await clients.Sqs.SendMessageAsync(new SendMessageRequest
        {
            QueueUrl = deadLetters,
            MessageBody = string.IsNullOrEmpty(message.Body) ? "(empty)" : message.Body,
            MessageAttributes = new Dictionary<string, MessageAttributeValue>
            {
                [ReasonAttribute] = new() { DataType = "String", StringValue = shortReason },
                [SourceQueueAttribute] = new() { DataType = "String", StringValue = queueUrl },
            },
        }, cancellationToken);
        return true;
    }

    public static string QueueName(string queueUrl) => queueUrl.TrimEnd('/').Split('/')[^1];
}
