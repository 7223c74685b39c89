using ActivityWatch.Ingestion.Aws.Store;
using ActivityWatch.Ingestion.Pipeline;

namespace ActivityWatch.Ingestion.Aws.S3;

/// <summary>
/// Reads one S3 object through the pipeline and turns the outcome into a disposition, reporting
/// every failure to the ledger under the source it came from. Records of a corrupt object are
/// quarantined with its key by the pipeline itself.
/// </summary>
public sealed class S3ObjectIngestor(IngestionPipeline pipeline, S3PrefixSource objects, SourceLedger ledger)
{
    public async Task<(ObjectDisposition Disposition, ObjectOutcome Outcome)> IngestAsync(
        string source, S3ObjectEntry entry, CancellationToken cancellationToken)
    {
        var logObject = objects.Open(entry);
        ObjectOutcome outcome;
        try
        {
            outcome = await pipeline.IngestObjectAsync(logObject, reread: false, cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // The store refused a batch or the reader hit a bug: nothing past the last committed
            // batch counts as read, so trying again later loses nothing (a queue message that keeps
            // failing ends in the dead-letter queue after MaxReceiveCount receives).
            await ledger.RecordErrorAsync(source, entry.Name, SourceErrorKind.Transient, $"{error.GetType().Name}: {error.Message}", cancellationToken);
            return (ObjectDisposition.Retry, new ObjectOutcome(entry.Name) { Failure = error.Message });
        }
        if (outcome.Failure is null)
        {
            if (!outcome.Unchanged)
            {
                await ledger.CountAsync(source, new SourceCounts(
                    Objects: 1, Records: outcome.Records, Digests: outcome.Digest ? 1 : 0,
                    NewestObjectTime: entry.LastModified ?? LogKey.Parse(entry.Key).Time), cancellationToken);
            }
            return (ObjectDisposition.Done, outcome);
        }

        var (disposition, kind) = logObject.Failure switch
        {
            S3FetchFailure.NotFound => (ObjectDisposition.Gone, SourceErrorKind.NotFound),
            S3FetchFailure.AccessDenied => (ObjectDisposition.Denied, SourceErrorKind.AccessDenied),
            S3FetchFailure.Transient => (ObjectDisposition.Retry, SourceErrorKind.Transient),
            _ => (ObjectDisposition.Unreadable, SourceErrorKind.Unreadable),
        };
        await ledger.RecordErrorAsync(source, entry.Name, kind, outcome.Failure, cancellationToken);
        return (disposition, outcome);
    }
}
