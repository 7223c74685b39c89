using ActivityWatch.Ingestion.Aws.Store;
using ActivityWatch.Ingestion.Pipeline;
using ActivityWatch.Monitoring.Integrity;
using Microsoft.Extensions.Options;

namespace ActivityWatch.Ingestion.Aws.S3;

/// <summary>
/// One poll of a configured prefix: for each partition (account and region) that no other
/// watch process holds, list the keys after its checkpoint (StartAfter), read them a bounded
/// number at a time, and move the checkpoint to the last key before the first object that
/// must be tried again.
/// </summary>
public sealed class S3PrefixPoller(
    AwsClients clients,
    S3ObjectIngestor ingestor,
    IngestionPipeline pipeline,
    SourceLedger ledger,
    IOptions<SourcesOptions> sources,
    IOptions<IngestionOptions> ingestion,
    IOptions<IntegrityOptions> integrity)
{
    private const int ChunkSize = 256;
    private readonly Dictionary<string, (DateTimeOffset At, IReadOnlyList<string> Partitions)> _discovered = [];

    public async Task<PollResult> PollAsync(string source, CancellationToken cancellationToken)
    {
        var root = S3Uri.Parse(source);
        var lister = new S3ObjectLister(clients.S3, sources.Value.ListPageSize);
        var partitions = await PartitionsAsync(source, root, lister, cancellationToken);
        var total = new PollResult { Partitions = partitions.Count };
        foreach (var partition in partitions)
        {
            await using var lease = await ledger.TryLeaseAsync(source, partition, cancellationToken);
            if (lease is null)
            {
                total = total with { PartitionsBusy = total.PartitionsBusy + 1 };
                continue;
            }
            var result = await PollPartitionAsync(source, root.Bucket, partition, lister, cancellationToken);
            total = total with
            {
                Listed = total.Listed + result.Listed,
                Unchanged = total.Unchanged + result.Unchanged,
                Digests = total.Digests + result.Digests,
                Objects = total.Objects + result.Objects,
                Records = total.Records + result.Records,
                Ingested = total.Ingested + result.Ingested,
                Failures = total.Failures + result.Failures,
            };
        }
        // Files and digests arrive in any order across partitions: the round waits out the grace before calling anything missing.
        if (total.Objects > 0) await pipeline.VerifyAsync(settled: false, cancellationToken);
        return total;
    }

    private async Task<IReadOnlyList<string>> PartitionsAsync(string source, S3Uri root, S3ObjectLister lister, CancellationToken cancellationToken)
    {
        if (_discovered.TryGetValue(source, out var known) && DateTimeOffset.UtcNow - known.At < sources.Value.DiscoveryInterval)
            return known.Partitions;
        var partitions = await new PartitionDiscovery(lister, integrity.Value.Enabled).DiscoverAsync(root, cancellationToken);
        _discovered[source] = (DateTimeOffset.UtcNow, partitions);
        return partitions;
    }

    private async Task<PollResult> PollPartitionAsync(string source, string bucket, string partition, S3ObjectLister lister, CancellationToken cancellationToken)
    {
        var checkpoint = await ledger.LoadPartitionAsync(source, partition, cancellationToken);
        var startAfter = checkpoint?.LastKey is { } last ? LogKey.Parse(last).StartAfter(sources.Value.LateArrivalWindow) : null;
        var result = new PollResult();
        var chunk = new List<S3ObjectEntry>(ChunkSize);
        await foreach (var entry in lister.ListAsync(bucket, partition, startAfter, cancellationToken))
        {
            chunk.Add(entry);
            if (chunk.Count < ChunkSize) continue;
            (result, var blocked) = await ReadChunkAsync(source, partition, chunk, result, cancellationToken);
            chunk.Clear();
            // Keys after one that must be retried wait for it, so the checkpoint never skips it.
            if (blocked) return result;
        }
        if (chunk.Count > 0) (result, _) = await ReadChunkAsync(source, partition, chunk, result, cancellationToken);
        return result;
    }

    private async Task<(PollResult Result, bool Blocked)> ReadChunkAsync(
        string source, string partition, List<S3ObjectEntry> chunk, PollResult result, CancellationToken cancellationToken)
    {
        var dispositions = new ObjectDisposition[chunk.Count];
        var outcomes = new ObjectOutcome?[chunk.Count];
        var digests = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, ingestion.Value.Parallelism), CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, chunk.Count), parallel, async (i, token) =>
        {
            if (LogKey.Parse(chunk[i].Key).IsDigest && !integrity.Value.Enabled)
            {
                Interlocked.Increment(ref digests);
                dispositions[i] = ObjectDisposition.Done;
                return;
            }
            (dispositions[i], outcomes[i]) = await ingestor.IngestAsync(source, chunk[i], token);
        });
        if (digests > 0) await ledger.CountAsync(source, new SourceCounts(Digests: digests), cancellationToken);

        var firstRetry = Array.IndexOf(dispositions, ObjectDisposition.Retry);
        var doneCount = firstRetry < 0 ? chunk.Count : firstRetry;
        if (doneCount > 0)
        {
            var lastDone = LogKey.Parse(chunk[doneCount - 1].Key);
            var newest = chunk.Take(doneCount).Max(e => e.LastModified ?? LogKey.Parse(e.Key).Time);
            await ledger.AdvancePartitionAsync(source, partition, lastDone.Account, lastDone.Region, lastDone.Layout.ToString(),
                lastDone.Key, newest, outcomes.Take(doneCount).Count(o => o is { Unchanged: false, Failure: null }), cancellationToken);
        }
        var read = outcomes.Where(o => o is not null).Select(o => o!).ToList();
        return (result with
        {
            Listed = result.Listed + chunk.Count,
            Unchanged = result.Unchanged + read.Count(o => o.Unchanged),
            Digests = result.Digests + digests,
            Objects = result.Objects + read.Count(o => !o.Unchanged && o.Failure is null),
            Records = result.Records + read.Sum(o => o.Records),
            Ingested = result.Ingested + read.Sum(o => o.Ingested),
            Failures = result.Failures + read.Count(o => o.Failure is not null),
        }, firstRetry >= 0);
    }
}
