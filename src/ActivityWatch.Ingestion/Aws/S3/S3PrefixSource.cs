using ActivityWatch.Ingestion.Objects;
using ActivityWatch.Ingestion.Pipeline;
using ActivityWatch.Monitoring.Integrity;
using Microsoft.Extensions.Options;

namespace ActivityWatch.Ingestion.Aws.S3;

/// <summary>
/// `ingest s3://BUCKET/PREFIX`: every log object under the prefix, read through the pipeline
/// (which downloads a bounded number at once and skips objects whose checkpoint and ETag say
/// they are done). CloudTrail digest files are read for log file integrity verification, or, with it
/// off, skipped by their key without a download and counted.
/// </summary>
public sealed class S3PrefixSource(
    AwsClients clients, IngestionPipeline pipeline, IOptions<AwsOptions> aws, IOptions<SourcesOptions> sources, IOptions<IngestionOptions> ingestion,
    IOptions<IntegrityOptions> integrity)
{
    public async Task<(IReadOnlyList<ILogObject> Objects, int DigestFiles)> ListAsync(S3Uri location, CancellationToken cancellationToken)
    {
        var lister = new S3ObjectLister(clients.S3, sources.Value.ListPageSize);
        var objects = new List<ILogObject>();
        var digests = 0;
        await foreach (var entry in lister.ListAsync(location.Bucket, location.Key, null, cancellationToken))
        {
            if (LogKey.Parse(entry.Key).IsDigest && !integrity.Value.Enabled) digests++;
            else objects.Add(Open(entry));
        }
        return (objects, digests);
    }

    /// <summary>The objects under every s3:// argument (other arguments are left to the local file finder).</summary>
    public async Task<(IReadOnlyList<ILogObject> Objects, int DigestFiles)> ListAsync(IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var objects = new List<ILogObject>();
        var digests = 0;
        foreach (var argument in arguments.Where(S3Uri.IsS3))
        {
            var (found, digestFiles) = await ListAsync(S3Uri.Parse(argument), cancellationToken);
            objects.AddRange(found);
            digests += digestFiles;
        }
        // Oldest delivery first across accounts and regions, as for local folders.
        var ordered = DeliveryTime.Order(objects, o => o.Name).ToList();
        return (ordered, digests);
    }

    /// <summary>Downloads the S3 objects among <paramref name="objects"/> ahead of the pipeline until disposed: see <see cref="IngestionPipeline.IngestAsync"/>.</summary>
    public IAsyncDisposable Prefetch(IEnumerable<ILogObject> objects)
    {
        var stop = new CancellationTokenSource();
        var run = S3Prefetcher.RunAsync(objects.OfType<S3LogObject>().ToList(), Math.Max(8, 4 * ingestion.Value.Parallelism), stop.Token);
        return new PrefetchRun(stop, run);
    }

    private sealed class PrefetchRun(CancellationTokenSource stop, Task run) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await stop.CancelAsync();
            await run;
            stop.Dispose();
        }
    }

    public S3LogObject Open(S3ObjectEntry entry) => new(clients.S3, entry, aws.Value.DownloadAttempts);

    public async Task<IngestSummary> IngestAsync(
        IEnumerable<S3Uri> locations, bool reread, IProgress<IngestProgress>? progress, CancellationToken cancellationToken)
    {
        var (objects, digests) = await ListAsync(locations.Select(l => l.ToString()), cancellationToken);
        var summary = await pipeline.IngestAsync(objects, reread, progress, cancellationToken, Prefetch);
        return summary with { DigestFilesSkipped = summary.DigestFilesSkipped + digests };
    }
}
