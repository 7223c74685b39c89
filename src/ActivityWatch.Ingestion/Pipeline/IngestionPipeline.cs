using System.Diagnostics;
using ActivityWatch.Ingestion.Objects;
using ActivityWatch.Monitoring.Checkpoints;
using ActivityWatch.Monitoring.Integrity;
using ActivityWatch.Monitoring.Recording;
using Marten;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ActivityWatch.Ingestion.Pipeline;

/// <summary>
/// Reads log objects into the event store: several objects at once, their batches gathered into
/// shared transactions by a <see cref="BatchWriter"/>, so reading overlaps writing. Resumes
/// every object at its checkpoint. A batch ingest ends with a log file integrity round over what
/// it read (digests, and the log files they list).
/// </summary>
public sealed class IngestionPipeline(
    ActivityRecorder recorder,
    IDocumentStore store,
    IntegrityVerifier verifier,
    IOptions<IngestionOptions> options,
    IOptions<IntegrityOptions> integrity,
    TimeProvider time,
    ILogger<IngestionPipeline> logger)
{
    private ObjectReader Reader => new(options.Value, integrity.Value, store, time, logger);

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
        var reader = Reader;
        await using (var writer = NewWriter(options.Value.Writers, cancellationToken))
        {
            var parallel = new ParallelOptions
            {
                MaxDegreeOfParallelism = Math.Max(1, options.Value.Parallelism),
                CancellationToken = cancellationToken,
            };
            await Parallel.ForEachAsync(objects, parallel, async (logObject, token) =>
            {
                var (start, resumed) = await StartPositionAsync(logObject, checkpoints.GetValueOrDefault(logObject.Name), reread, token);
                // A reader moves on to its next object as soon as this one is read; its last
                // batch is stored with other objects' batches.
                var completion = await reader.ReadAsync(logObject, start, resumed, writer, token);
                lock (stored) stored.Add(ReportWhenStored(completion));
            });
            await Task.WhenAll(stored);
        }

        var digests = outcomes.Count(o => o.Digest);
        // Everything named was read: what the digests list and nobody found is missing, not late.
        var round = digests > 0 || outcomes.Any(o => o.Hashed) ? await VerifyAsync(settled: true, cancellationToken) : null;
        return new IngestSummary
        {
            Files = objects.Count,
            FilesUnchanged = outcomes.Count(o => o.Unchanged),
            Records = outcomes.Sum(o => o.Records),
            Ingested = outcomes.Sum(o => o.Ingested),
            Duplicates = outcomes.Sum(o => o.Duplicates),
            Rejected = outcomes.Sum(o => o.Rejected),
            DigestFiles = integrity.Value.Enabled ? digests : 0,
            DigestFilesSkipped = integrity.Value.Enabled ? 0 : digests,
            IntegrityFindings = round?.Findings.Count ?? 0,
            Failures = outcomes.Where(o => o.Failure is not null).Select(o => new ObjectFailure(o.Object, o.Failure!)).ToList(),
            Seconds = started.Elapsed.TotalSeconds,
        };
    }

    /// <summary>One object on its own (an S3 notification, an SQS message): returns once it is stored.</summary>
    public async Task<ObjectOutcome> IngestObjectAsync(ILogObject logObject, bool reread, CancellationToken cancellationToken)
    {
        var checkpoint = await recorder.LoadCheckpointAsync(logObject.Name, cancellationToken);
        var (start, resumed) = await StartPositionAsync(logObject, checkpoint, reread, cancellationToken);
        // One writer: an object never has two batches in flight, so a second would only idle.
        await using var writer = NewWriter(writers: 1, cancellationToken);
        return await await Reader.ReadAsync(logObject, start, resumed, writer, cancellationToken);
    }

    /// <summary>
    /// A log file integrity round; its failure is logged and left to the next round, never failing
    /// the ingest whose records are stored already.
    /// </summary>
    public async Task<IntegrityRound?> VerifyAsync(bool settled, CancellationToken cancellationToken)
    {
        try
        {
            return await verifier.VerifyAsync(settled, cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            logger.LogError(error, "Log file integrity verification failed; the next round tries again");
            return null;
        }
    }

    private BatchWriter NewWriter(int writers, CancellationToken cancellationToken) =>
        new(recorder, options.Value.BatchSize, writers, cancellationToken);

    /// <summary>Where to start reading (null: already read and unchanged), and the checkpoint resumed from, if any.</summary>
    private async Task<(long? Start, SourceCheckpoint? Resumed)> StartPositionAsync(
        ILogObject logObject, SourceCheckpoint? checkpoint, bool reread, CancellationToken cancellationToken)
    {
        var (start, reset) = Plan(logObject, checkpoint, reread);
        if (reset) await recorder.ResetCheckpointAsync(logObject.Name, cancellationToken);
        return (start, reset ? null : checkpoint);
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
}
