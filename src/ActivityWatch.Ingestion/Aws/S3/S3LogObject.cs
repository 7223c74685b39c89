using ActivityWatch.Ingestion.Objects;
using Amazon.S3;
using Amazon.S3.Model;

namespace ActivityWatch.Ingestion.Aws.S3;

/// <summary>
/// An S3 object named s3://bucket/key whose fingerprint is its ETag. The download is read into
/// memory (CloudTrail and access log objects are small) so a failure mid-stream retries the
/// whole object cleanly; the parser sees plain bytes and detects gzip by its magic number
/// (Content-Encoding is unreliable: CloudTrail sets it, S3-compatible stores may drop it).
/// Download errors become the exceptions the pipeline reports per object; <see cref="Failure"/>
/// keeps what kind of failure it was for the caller.
/// </summary>
public sealed class S3LogObject(IAmazonS3 s3, S3ObjectEntry entry, int attempts) : ILogObject
{
    public S3ObjectEntry Entry { get; } = entry;

    public string Name { get; } = entry.Name;

    public string? Fingerprint { get; } = entry.ETag?.Trim('"');

    public S3FetchFailure Failure { get; private set; }

    private Task<Stream>? _prefetch;
    private Action? _consumed;

    /// <summary>
    /// Starts the download ahead of <see cref="OpenAsync"/>, so its latency overlaps other objects'
    /// parsing; <paramref name="consumed"/> runs when the pipeline takes the bytes.
    /// </summary>
    public Task PrefetchAsync(Action consumed, CancellationToken cancellationToken)
    {
        lock (this)
        {
            _prefetch ??= FetchAsync(cancellationToken);
            _consumed = consumed;
            return _prefetch.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    public Task<Stream> OpenAsync(CancellationToken cancellationToken)
    {
        Task<Stream>? prefetched;
        Action? consumed;
        lock (this)
        {
            (prefetched, consumed) = (_prefetch, _consumed);
            (_prefetch, _consumed) = (null, null);
        }
        consumed?.Invoke();
        return prefetched ?? FetchAsync(cancellationToken);
    }

    private async Task<Stream> FetchAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await DownloadAsync(cancellationToken);
            }
            catch (Exception error) when (S3Errors.IsTransient(error) && attempt < Math.Max(1, attempts))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200 * Math.Pow(4, attempt - 1) + Random.Shared.Next(100)), cancellationToken);
            }
            catch (Exception error) when (error is AmazonS3Exception or IOException or HttpRequestException or TimeoutException)
            {
                Failure = S3Errors.Classify(error);
                var reason = $"{Failure}: {Name}: {error.Message}";
                throw Failure switch
                {
                    S3FetchFailure.NotFound => new FileNotFoundException(reason, Name, error),
                    S3FetchFailure.AccessDenied => new UnauthorizedAccessException(reason, error),
                    _ => new IOException(reason, error),
                };
            }
        }
    }

    private async Task<Stream> DownloadAsync(CancellationToken cancellationToken)
    {
        using var response = await s3.GetObjectAsync(new GetObjectRequest { BucketName = Entry.Bucket, Key = Entry.Key }, cancellationToken);
        var length = response.ContentLength;
        var buffer = new MemoryStream(length is > 0 and < int.MaxValue ? (int)length : 0);
        await response.ResponseStream.CopyToAsync(buffer, cancellationToken);
        buffer.Position = 0;
        return buffer;
    }
}
