using System.Runtime.InteropServices;
using System.Security.Cryptography;
using ActivityWatch.Ingestion.Objects;
using ActivityWatch.Ingestion.Parsing;
using ActivityWatch.Ingestion.Parsing.Digests;
using ActivityWatch.Monitoring.Checkpoints;
using ActivityWatch.Monitoring.Integrity;
using ActivityWatch.Monitoring.Quarantine;
using ActivityWatch.Monitoring.Recording;
using ActivityWatch.Monitoring.Records;
using Marten;
using Microsoft.Extensions.Logging;

namespace ActivityWatch.Ingestion.Pipeline;

/// <summary>
/// Reads one log object into a <see cref="BatchWriter"/>: its records and rejections in batches of
/// at most BatchSize positions or MaxBatchBytes of record text, the quarantine capped per object, and
/// for CloudTrail's files what integrity verification needs: a log file's SHA-256, a digest's fields.
/// Those facts ride in the batch that completes the object, so an object counted as read has them.
/// </summary>
internal sealed class ObjectReader(
    IngestionOptions options,
    IntegrityOptions integrity,
    IDocumentStore store,
    TimeProvider time,
    ILogger logger)
{
    /// <summary>Returns once the object is read, with a task that completes when everything read from it is stored.</summary>
    public async Task<Task<ObjectOutcome>> ReadAsync(
        ILogObject logObject, long? start, SourceCheckpoint? resumed, BatchWriter writer, CancellationToken cancellationToken)
    {
        var outcome = new ObjectOutcome(logObject.Name);
        if (start is null)
        {
            outcome.Unchanged = true;
            return Task.FromResult(outcome);
        }

        var batchSize = Math.Max(1, options.BatchSize);
        var maxBatchBytes = Math.Max(1, options.MaxBatchBytes);
        var records = new List<ActivityRecorded>(Math.Min(batchSize, 1024));
        var rejections = new List<QuarantinedRecord>();
        var documents = new List<object>();
        long recordBytes = 0;
        var folded = 0;
        var folding = await FoldingAsync(logObject.Name, resumed, cancellationToken);
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
            if (folding.TakeRest() is { } rest) documents.Add(rest);
            var batch = new SourceBatch(logObject.Name, logObject.Fingerprint, records.ToArray(), rejections.ToArray(), next, completes, digest)
            {
                FoldedRejections = folded,
                Documents = documents.ToArray(),
            };
            // Weighed by its text too: a batch of a few huge records takes as much room as a full one.
            var weight = (int)Math.Min(batchSize, Math.Max(batch.Positions, recordBytes * batchSize / maxBatchBytes));
            records.Clear();
            rejections.Clear();
            documents.Clear();
            recordBytes = 0;
            folded = 0;
            await pendingWrite;
            pendingWrite = Count(await writer.EnqueueAsync(batch, weight, cancellationToken));
        }

        void Reject(RecordRejection rejection)
        {
            var entry = ToQuarantine(logObject.Name, rejection);
            if (folding.Fold(entry)) folded++;
            else rejections.Add(entry);
        }

        try
        {
            var logFile = integrity.Enabled ? CloudTrailKeys.LogFile(logObject.Name) : null;
            var digestKey = integrity.Enabled ? CloudTrailKeys.DigestFile(logObject.Name) : null;
            var limits = ReaderLimits.Default with { MaxObjectBytes = options.MaxObjectBytes };
            await using var content = await logObject.OpenAsync(cancellationToken);
            await using var reader = await LogObjectReader.OpenAsync(content, logObject.Name, limits, cancellationToken, hashContent: logFile is not null);
            if (digestKey is not null || reader.Format == LogFormat.CloudTrailDigest)
            {
                outcome.Digest = true;
                if (integrity.Enabled)
                {
                    var digest = await ReadDigestAsync(reader, logObject, digestKey, cancellationToken);
                    documents.Add(digest);
                    if (digest.Problem is not null && start.Value == 0)
                    {
                        Reject(new RecordRejection(0, 0, null, $"unreadable CloudTrail digest file: {digest.Problem}", null));
                        next = 1;
                    }
                }
                await Flush(completes: true, digest: true);
            }
            else
            {
                await foreach (var parsed in reader.ReadAsync(start.Value, cancellationToken))
                {
                    if (parsed.Record is { } record)
                    {
                        records.Add(record);
                        recordBytes += SizeOf(record);
                    }
                    else if (parsed.Rejection is { } rejection) Reject(rejection);
                    next = parsed.Position + 1;
                    if (records.Count + rejections.Count + folded >= batchSize || recordBytes >= maxBatchBytes) await Flush(completes: false);
                }
                if (logFile is not null && await reader.FinishContentHashAsync(cancellationToken) is { } sha256)
                {
                    outcome.Hashed = true;
                    documents.Add(new LogFileRead
                    {
                        Id = LogFileRead.IdFor(logFile.Key, sha256), Key = logFile.Key, Sha256 = sha256, SourceObject = logObject.Name, ReadAt = time.GetUtcNow(),
                    });
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

    /// <summary>
    /// A digest is read whole (it is small: a line per log file of one hour) and hashed as CloudTrail
    /// hashes it, uncompressed; one that will not parse is still a fact, with its problem.
    /// </summary>
    private async Task<DigestRead> ReadDigestAsync(LogObject reader, ILogObject logObject, DigestFileKey? located, CancellationToken cancellationToken)
    {
        var (bytes, problem) = await reader.ReadWholeAsync(integrity.MaxDigestBytes, cancellationToken);
        var metadata = (logObject as IObjectMetadata)?.Metadata;
        var digest = new DigestRead
        {
            SourceObject = logObject.Name,
            ReadAt = time.GetUtcNow(),
            // Metadata is written by whoever wrote the object: kept only in the shape CloudTrail writes it.
            Signature = metadata?.GetValueOrDefault("signature") is { Length: > 0 and <= 2048 } signature && signature.All(Uri.IsHexDigit) ? signature : null,
            SignatureAlgorithmMetadata = metadata?.GetValueOrDefault("signature-algorithm") is { Length: <= 64 } algorithm && algorithm.All(char.IsAsciiLetterOrDigit) ? algorithm : null,
            Problem = problem,
        };
        if (bytes is not null) DigestFileParser.Parse(bytes, digest);
        // Without its bytes, the fingerprint of what was read stands in for its hash.
        digest.Sha256 = bytes is null ? $"unreadable:{logObject.Fingerprint}" : Convert.ToHexStringLower(SHA256.HashData(bytes));
        var claimed = digest.DigestS3Object is { } named ? CloudTrailKeys.DigestFile(named) : null;
        // A name that is no digest key stands in, shortened to what an index entry holds.
        digest.Key = located?.Key ?? claimed?.Key
            ?? (logObject.Name.Length <= 1024 ? logObject.Name : $"{logObject.Name[..256]}...#{Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(logObject.Name)))}");
        digest.KeyFromLocation = located is not null;
        digest.Id = DigestRead.IdFor(digest.Key, digest.Sha256);
        return digest;
    }

    private async Task<RejectionFolding> FoldingAsync(string sourceObject, SourceCheckpoint? resumed, CancellationToken cancellationToken)
    {
        var cap = Math.Max(0, options.MaxQuarantinePerObject);
        QuarantinedRecord? rest = null;
        if (resumed is { Rejected: var rejected } && rejected > cap)
        {
            await using var session = store.QuerySession();
            rest = await session.LoadAsync<QuarantinedRecord>(RejectionFolding.RestId(sourceObject), cancellationToken);
        }
        return new RejectionFolding(sourceObject, cap, resumed?.Rejected ?? 0, rest);
    }

    private static long SizeOf(ActivityRecorded record) =>
        256 + (record.Raw is { } raw ? JsonMarshal.GetRawUtf8Value(raw).Length : 0) + (record.RawLine?.Length ?? 0);

    private static async Task<ObjectOutcome> Completed(Task pendingWrite, ObjectOutcome outcome)
    {
        await pendingWrite;
        return outcome;
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
