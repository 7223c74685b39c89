using System.Diagnostics;
using ActivityWatch.Ingestion.Objects;
using ActivityWatch.Ingestion.Parsing;
using ActivityWatch.Monitoring.Quarantine;
using ActivityWatch.Monitoring.Recording;
using ActivityWatch.Monitoring.Records;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ActivityWatch.Ingestion.Pipeline;

/// <summary>
/// Reads log objects into the event store: several objects at once, each one in batches whose
/// write overlaps the parsing of the next. Resumes every object at its checkpoint.
/// </summary>
public sealed class IngestionPipeline(
    ActivityRecorder recorder,
    IOptions<IngestionOptions> options,
    TimeProvider time,
    ILogger<IngestionPipeline> logger)
{
    public async Task<IngestSummary> IngestAsync(
        IReadOnlyList<ILogObject> objects, bool reread, IProgress<IngestProgress>? progress, CancellationToken cancellationToken)
    {
        var started = Stopwatch.StartNew();
        var outcomes = new List<ObjectOutcome>(objects.Count);
        long records = 0, ingested = 0, rejected = 0;
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = Math.Max(1, options.Value.Parallelism),
            CancellationToken = cancellationToken,
        };
        await Parallel.ForEachAsync(objects, parallel, async (logObject, token) =>
        {
            var outcome = await IngestObjectAsync(logObject, reread, token);
            lock (outcomes)
            {
                outcomes.Add(outcome);
                records += outcome.Records;
                ingested += outcome.Ingested;
                rejected += outcome.Rejected;
                progress?.Report(new IngestProgress(outcomes.Count, objects.Count, records, ingested, rejected));
            }
        });

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

    public async Task<ObjectOutcome> IngestObjectAsync(ILogObject logObject, bool reread, CancellationToken cancellationToken)
    {
        var outcome = new ObjectOutcome(logObject.Name);
        var start = await StartPositionAsync(logObject, reread, cancellationToken);
        if (start is null)
        {
            outcome.Unchanged = true;
            return outcome;
        }

        try
        {
            await using var content = await logObject.OpenAsync(cancellationToken);
            await using var reader = await LogObjectReader.OpenAsync(content, logObject.Name, cancellationToken);
            if (reader.Format == LogFormat.CloudTrailDigest)
            {
                outcome.Digest = true;
                await recorder.MarkCompletedAsync(logObject.Name, logObject.Fingerprint, digestFile: true, cancellationToken);
                return outcome;
            }

            await ReadBatchesAsync(logObject, reader, start.Value, outcome, cancellationToken);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            // The object itself could not be read (gone, no permission): nothing of it was counted
            // as read beyond the batches already stored, and the summary names it.
            logger.LogError(error, "Could not read {Object}", logObject.Name);
            outcome.Failure = error.Message;
        }
        return outcome;
    }

    private async Task ReadBatchesAsync(ILogObject logObject, LogObject reader, long start, ObjectOutcome outcome, CancellationToken cancellationToken)
    {
        var batchSize = Math.Max(1, options.Value.BatchSize);
        var records = new List<ActivityRecorded>(batchSize);
        var rejections = new List<QuarantinedRecord>();
        var next = start;
        Task pendingWrite = Task.CompletedTask;

        async Task Flush(bool completes)
        {
            var batch = new SourceBatch(logObject.Name, logObject.Fingerprint, records.ToArray(), rejections.ToArray(), next, completes);
            records.Clear();
            rejections.Clear();
            // One write in flight per object: it keeps batches in position order, so the
            // checkpoint never runs ahead of what is stored.
            await pendingWrite;
            pendingWrite = WriteAsync(batch, outcome, cancellationToken);
            if (completes) await pendingWrite;
        }

        try
        {
            await foreach (var parsed in reader.ReadAsync(start, cancellationToken))
            {
                if (parsed.Record is { } record) records.Add(record);
                else if (parsed.Rejection is { } rejection) rejections.Add(ToQuarantine(logObject.Name, rejection));
                next = parsed.Position + 1;
                if (records.Count + rejections.Count >= batchSize) await Flush(completes: false);
            }
            await Flush(completes: true);
        }
        finally
        {
            await pendingWrite;
        }
    }

    private async Task WriteAsync(SourceBatch batch, ObjectOutcome outcome, CancellationToken cancellationToken)
    {
        var result = await recorder.RecordAsync(batch, cancellationToken);
        outcome.Records += result.Read;
        outcome.Ingested += result.Ingested;
        outcome.Duplicates += result.Duplicates;
        outcome.Rejected += result.Rejected;
    }

    /// <summary>Where to start reading: null when the object is already read and has not changed.</summary>
    private async Task<long?> StartPositionAsync(ILogObject logObject, bool reread, CancellationToken cancellationToken)
    {
        var checkpoint = await recorder.LoadCheckpointAsync(logObject.Name, cancellationToken);
        if (checkpoint is null) return 0;
        var changed = checkpoint.Fingerprint != logObject.Fingerprint;
        if (reread || changed)
        {
            await recorder.ResetCheckpointAsync(logObject.Name, cancellationToken);
            return 0;
        }
        return checkpoint.Completed ? null : checkpoint.NextPosition;
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
