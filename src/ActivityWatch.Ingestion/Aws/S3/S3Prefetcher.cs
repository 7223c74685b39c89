namespace ActivityWatch.Ingestion.Aws.S3;

/// <summary>
/// Downloads objects ahead of the pipeline, in listing order, at most <c>window</c> objects
/// downloaded or downloading but not yet opened. Log objects are small and many, so per-request
/// latency, not bandwidth, is what S3 adds; starting the next downloads while earlier objects are
/// parsed and stored hides it. It is given only the objects the pipeline will open (unchanged ones
/// are left out once their checkpoints are read); one that is never opened (the ingest failed or
/// was cancelled) keeps its slot, so the caller cancels the prefetcher once the pipeline is done.
/// </summary>
public static class S3Prefetcher
{
    public static async Task RunAsync(IReadOnlyList<S3LogObject> objects, int window, CancellationToken cancellationToken)
    {
        // Not disposed: a late OpenAsync may still release its slot after the prefetcher stopped.
        var slots = new SemaphoreSlim(Math.Max(1, window));
        try
        {
            foreach (var logObject in objects)
            {
                await slots.WaitAsync(cancellationToken);
                _ = logObject.PrefetchAsync(() => slots.Release(), cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }
}
