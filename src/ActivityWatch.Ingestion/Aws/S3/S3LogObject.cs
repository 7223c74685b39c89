using ActivityWatch.Ingestion.Objects;
using Amazon.S3;
using Amazon.S3.Model;

namespace ActivityWatch.Ingestion.Aws.S3;

/// <summary>
/// An S3 object named s3://bucket/key whose fingerprint is its ETag, read as a stream: memory stays
/// bounded whatever the object's size. A prefetch keeps at most the first <c>prefetchBytes</c> in
/// memory (all of a typical CloudTrail file, so its download latency overlaps other objects'
/// parsing); the rest is read from S3 as the parser asks for it, and a connection lost half-way
/// is resumed at the byte it reached with a ranged GET pinned to the first response's ETag (a
/// changed object fails the read instead of splicing two versions). The parser sees plain bytes
/// and detects gzip by its magic number (Content-Encoding is unreliable: CloudTrail sets it,
/// S3-compatible stores may drop it). Download errors become the exceptions the pipeline reports
/// per object; <see cref="Failure"/> keeps what kind of failure it was for the caller.
/// </summary>
public sealed class S3LogObject(IAmazonS3 s3, S3ObjectEntry entry, int attempts, int prefetchBytes = S3LogObject.DefaultPrefetchBytes)
    : ILogObject, IObjectMetadata
{
    public const int DefaultPrefetchBytes = 1024 * 1024;

    public S3ObjectEntry Entry { get; } = entry;

    public string Name { get; } = entry.Name;

    public string? Fingerprint { get; } = entry.ETag?.Trim('"');

    public S3FetchFailure Failure { get; internal set; }

    /// <summary>User metadata of the object (x-amz-meta-*, without the prefix), once it was fetched.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; private set; } = new Dictionary<string, string>();

    internal int Attempts { get; } = Math.Max(1, attempts);

    private Task<Stream>? _prefetch;
    private Action? _consumed;

    /// <summary>
    /// Starts the download ahead of <see cref="OpenAsync"/>, keeping at most the first
    /// <c>prefetchBytes</c> of it; <paramref name="consumed"/> runs when the pipeline opens it.
    /// </summary>
    public Task PrefetchAsync(Action consumed, CancellationToken cancellationToken)
    {
        lock (this)
        {
            _prefetch ??= FetchHeadAsync(cancellationToken);
            _consumed = consumed;
            return _prefetch.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    public async Task<Stream> OpenAsync(CancellationToken cancellationToken)
    {
        Task<Stream>? prefetched;
        Action? consumed;
        lock (this)
        {
            (prefetched, consumed) = (_prefetch, _consumed);
            (_prefetch, _consumed) = (null, null);
        }
        consumed?.Invoke();
        if (prefetched is not null) return await prefetched;
        var response = await GetAsync(0, null, cancellationToken);
        return new S3ObjectStream(this, response, head: default, cancellationToken);
    }

    /// <summary>The first bytes in memory; a small object whole, a large one continued from S3 when read.</summary>
    private async Task<Stream> FetchHeadAsync(CancellationToken cancellationToken)
    {
        using var response = await GetAsync(0, null, cancellationToken);
        var length = response.ContentLength;
        var head = new byte[length is >= 0 && length < prefetchBytes ? length : prefetchBytes];
        var read = 0;
        try
        {
            while (read < head.Length)
            {
                var n = await response.ResponseStream.ReadAsync(head.AsMemory(read), cancellationToken);
                if (n == 0) break;
                read += n;
            }
        }
        catch (Exception error) when (S3Errors.IsTransient(error))
        {
            // The stream continues from what arrived, with a ranged GET.
        }
        var total = length >= 0 ? length : (long?)null;
        if (total == read) return new MemoryStream(head, 0, read, writable: false);
        // Closing the response mid-body drops its connection; the rest comes with a ranged GET when read.
        return new S3ObjectStream(this, null, head.AsMemory(0, read), cancellationToken, total, response.ETag);
    }

    /// <summary>GET from <paramref name="offset"/> on (pinned to <paramref name="eTag"/> when resuming), retried on throttling and 5xx.</summary>
    internal async Task<GetObjectResponse> GetAsync(long offset, string? eTag, CancellationToken cancellationToken)
    {
        var request = new GetObjectRequest { BucketName = Entry.Bucket, Key = Entry.Key };
        if (offset > 0) request.ByteRange = new ByteRange($"bytes={offset}-");
        if (eTag is not null) request.EtagToMatch = eTag;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var response = await s3.GetObjectAsync(request, cancellationToken);
                if (offset == 0) Metadata = MetadataOf(response.Metadata);
                return response;
            }
            catch (Exception error) when (S3Errors.IsTransient(error) && attempt < Attempts)
            {
                await BackoffAsync(attempt, cancellationToken);
            }
            catch (Exception error) when (error is AmazonS3Exception or IOException or HttpRequestException or TimeoutException)
            {
                throw Fail(error, eTag is not null && error is AmazonS3Exception { ErrorCode: "PreconditionFailed" }
                    ? "the object changed while it was being read"
                    : null);
            }
        }
    }

    internal static Task BackoffAsync(int attempt, CancellationToken cancellationToken) =>
        Task.Delay(TimeSpan.FromMilliseconds(200 * Math.Pow(4, attempt - 1) + Random.Shared.Next(100)), cancellationToken);

    /// <summary>Records what kind of failure this is and turns it into the exception the pipeline reports.</summary>
    internal Exception Fail(Exception error, string? reason = null)
    {
        Failure = reason is null ? S3Errors.Classify(error) : S3FetchFailure.Transient;
        var message = $"{Failure}: {Name}: {reason ?? error.Message}";
        return Failure switch
        {
            S3FetchFailure.NotFound => new FileNotFoundException(message, Name, error),
            S3FetchFailure.AccessDenied => new UnauthorizedAccessException(message, error),
            _ => new IOException(message, error),
        };
    }

    private static Dictionary<string, string> MetadataOf(MetadataCollection? metadata)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (metadata is null) return values;
        foreach (var key in metadata.Keys)
        {
            var name = key.StartsWith("x-amz-meta-", StringComparison.OrdinalIgnoreCase) ? key["x-amz-meta-".Length..] : key;
            values[name] = metadata[key];
        }
        return values;
    }
}
