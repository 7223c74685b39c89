using System.Diagnostics;
using ActivityWatch.Ingestion.Objects;
using ActivityWatch.Ingestion.Parsing;
using ActivityWatch.Monitoring.Checkpoints;
using ActivityWatch.Monitoring.Quarantine;
using ActivityWatch.Monitoring.Recording;
using ActivityWatch.Monitoring.Records;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ActivityWatch.Ingestion.Pipeline;

/// <summary>
/// Reads log objects into the event store: several objects at once, their batches gathered into
/// shared transactions by a <see cref="BatchWriter"/>, so reading overlaps writing. Resumes
/// every object at its checkpoint.
/// </summary>
public sealed class IngestionPipeline(
    ActivityRecorder recorder,
    IOptions<IngestionOptions> options,
    TimeProvider time,
    ILogger<IngestionPipeline> logger)
{
    /// <param name="prefetch">
    /// Given the objects that will be read, in order, once their checkpoints say which (unchanged
    /// objects are left out); what it returns is disposed when the ingest is done. S3 downloads ahead with it.
    /// </param>
    public async Task<IngestSummary> IngestAsync(
        IReadOnlyList<ILogObject> objects, bool reread, IProgress<IngestProgress>? progress, CancellationToken cancellationToken,
        Func<IReadOnlyList<ILogObject>, IAsyncDisposable>? prefetch = null)
    {
        var started = Stopwatch.StartNew();
        var outcomes = new List<ObjectOutcome>(objects.Count);
        long records = 0, ingested = 0, rejected = 0;
        void Done(ObjectOutcome outcome)
        {
            lock (outcomes)
            {
                outcomes.Add(outcome);
                records += outcome.Records;
                ingested += outcome.Ingested;
                rejected += outcome.Rejected;
                progress?.Report(new IngestProgress(outcomes.Count, objects.Count, records, ingested, rejected));
            }
        }

        async Task ReportWhenStored(Task<ObjectOutcome> completion) => Done(await completion);

        // Every checkpoint in a few queries up front, rather than a round trip per object.
        var checkpoints = await recorder.LoadCheckpointsAsync(objects.Select(o => o.Name), cancellationToken);
        await using var prefetching = prefetch?.Invoke(
            objects.Where(o => Plan(o, checkpoints.GetValueOrDefault(o.Name), reread).Start is not null).ToList());
        var stored = new List<Task>(objects.Count);
        await using (var writer = NewWriter(options.Value.Writers, cancellationToken))
        {
            var parallel = new ParallelOptions
            {
                MaxDegreeOfParallelism = Math.Max(1, options.Value.Parallelism),
                CancellationToken = cancellationToken,
            };
            await Parallel.ForEachAsync(objects, parallel, async (logObject, token) =>
            {
                var start = await StartPositionAsync(logObject, checkpoints.GetValueOrDefault(logObject.Name), reread, token);
                // A reader moves on to its next object as soon as this one is read; its last
                // batch is stored with other objects' batches.
                var completion = await ReadAsync(logObject, start, writer, token);
                lock (stored) stored.Add(ReportWhenStored(completion));
            });
            await Task.WhenAll(stored);
        }

        return new IngestSummary
        {
            Files = objects.Count,
            FilesUnchanged = outcomes.Count(o => o.Unchanged),
            Records = outcomes.Sum(o => o.Records),
            Ingested = outcomes.Sum(o => o.Ingested),
            Duplicates = outcomes.Sum(o => o.Duplicates),
            Rejected = outcomes.Sum(o => o.Rejected),
            DigestFilesSkipped = outcomes.Count(o => o.Digest),
            Failures = outcomes.Where(o => o.Failure is not null).Select(o => new ObjectFailure(o.Object, o.Failure!)).ToList(),
            Seconds = started.Elapsed.TotalSeconds,
        };
    }

    /// <summary>One object on its own (an S3 notification, an SQS message): returns once it is stored.</summary>
    public async Task<ObjectOutcome> IngestObjectAsync(ILogObject logObject, bool reread, CancellationToken cancellationToken)
    {
        var checkpoint = await recorder.LoadCheckpointAsync(logObject.Name, cancellationToken);
        var start = await StartPositionAsync(logObject, checkpoint, reread, cancellationToken);
        // One writer: an object never has two batches in flight, so a second would only idle.
        await using var writer = NewWriter(writers: 1, cancellationToken);
        return await await ReadAsync(logObject, start, writer, cancellationToken);
    }

    private BatchWriter NewWriter(int writers, CancellationToken cancellationToken) =>
        new(recorder, options.Value.BatchSize, writers, cancellationToken);

    /// <summary>
    /// Reads one object into the writer. Returns once the object is read, with a task that
    /// completes when everything read from it is stored.
    /// </summary>
    private async Task<Task<ObjectOutcome>> ReadAsync(ILogObject logObject, long? start, BatchWriter writer, CancellationToken cancellationToken)
    {
        var outcome = new ObjectOutcome(logObject.Name);
        if (start is null)
        {
            outcome.Unchanged = true;
            return Task.FromResult(outcome);
        }

        var batchSize = Math.Max(1, options.Value.BatchSize);
        var records = new List<ActivityRecorded>(batchSize);
        var rejections = new List<QuarantinedRecord>();
        var next = start.Value;
        // One batch of an object in flight at a time: its batches commit in position order, so
        // the checkpoint never runs ahead of what is stored.
        Task pendingWrite = Task.CompletedTask;

        async Task Count(Task<BatchOutcome> stored)
        {
            var result = await stored;
            outcome.Records += result.Read;
            outcome.Ingested += result.Ingested;
            outcome.Duplicates += result.Duplicates;
            outcome.Rejected += result.Rejected;
        }

        async Task Flush(bool completes, bool digest = false)
        {
            var batch = new SourceBatch(logObject.Name, logObject.Fingerprint, records.ToArray(), rejections.ToArray(), next, completes, digest);
            records.Clear();
            rejections.Clear();
            await pendingWrite;
            pendingWrite = Count(await writer.EnqueueAsync(batch, cancellationToken));
        }

        try
        {
            await using var content = await logObject.OpenAsync(cancellationToken);
            await using var reader = await LogObjectReader.OpenAsync(content, logObject.Name, cancellationToken);
            if (reader.Format == LogFormat.CloudTrailDigest)
            {
                outcome.Digest = true;
                await Flush(completes: true, digest: true);
            }
            else
            {
                await foreach (var parsed in reader.ReadAsync(start.Value, cancellationToken))
                {
                    if (parsed.Record is { } record) records.Add(record);
                    else if (parsed.Rejection is { } rejection) rejections.Add(ToQuarantine(logObject.Name, rejection));
                    next = parsed.Position + 1;
                    if (records.Count + rejections.Count >= batchSize) await Flush(completes: false);
                }
                await Flush(completes: true);
            }
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            // The object itself could not be read (gone, no permission): nothing of it was counted
            // as read beyond the batches already stored, and the summary names it.
            logger.LogError(error, "Could not read {Object}", logObject.Name);
            outcome.Failure = error.Message;
        }

        return Completed(pendingWrite, outcome);
    }

    private static async Task<ObjectOutcome> Completed(Task pendingWrite, ObjectOutcome outcome)
    {
        await pendingWrite;
        return outcome;
    }

    /// <summary>Where to start reading: null when the object is already read and has not changed.</summary>
    private async Task<long?> StartPositionAsync(ILogObject logObject, SourceCheckpoint? checkpoint, bool reread, CancellationToken cancellationToken)
    {
        var (start, reset) = Plan(logObject, checkpoint, reread);
        if (reset) await recorder.ResetCheckpointAsync(logObject.Name, cancellationToken);
        return start;
    }

    /// <summary>
    /// Where an object's reading starts (null: already read and unchanged), and whether its checkpoint
    /// is forgotten first: a changed object, or any object under --reread, is read from its start.
    /// </summary>
    private static (long? Start, bool Reset) Plan(ILogObject logObject, SourceCheckpoint? checkpoint, bool reread)
    {
        if (checkpoint is null) return (0, false);
        if (reread || checkpoint.Fingerprint != logObject.Fingerprint) return (0, true);
        return (checkpoint.Completed ? null : checkpoint.NextPosition, false);
    }

    private QuarantinedRecord ToQuarantine(string sourceObject, RecordRejection rejection) => new()
    {
        Id = QuarantinedRecord.IdFor(sourceObject, rejection.Position),
        SourceObject = sourceObject,
        Position = rejection.Position,
        ByteOffset = rejection.ByteOffset,
        Line = rejection.Line,
        Reason = rejection.Reason,
        Excerpt = rejection.Excerpt,
        QuarantinedAt = time.GetUtcNow(),
    };
}
