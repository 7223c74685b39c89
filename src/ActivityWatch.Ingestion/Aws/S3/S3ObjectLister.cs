using System.Runtime.CompilerServices;
using Amazon.S3;
using Amazon.S3.Model;

namespace ActivityWatch.Ingestion.Aws.S3;

/// <summary>Paged ListObjectsV2: every object under a prefix, in key order.</summary>
public sealed class S3ObjectLister(IAmazonS3 s3, int pageSize)
{
    public async IAsyncEnumerable<S3ObjectEntry> ListAsync(
        string bucket, string prefix, string? startAfter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var request = new ListObjectsV2Request
        {
            BucketName = bucket,
            Prefix = prefix,
            StartAfter = string.IsNullOrEmpty(startAfter) ? null : startAfter,
            MaxKeys = Math.Clamp(pageSize, 1, 1000),
        };
        while (true)
        {
            var page = await s3.ListObjectsV2Async(request, cancellationToken);
            // SDK v4 leaves empty collections null.
            foreach (var item in page.S3Objects ?? [])
            {
                // Zero-byte "folder" markers made by consoles and sync tools are not logs.
                if (item.Key.EndsWith('/')) continue;
                yield return new S3ObjectEntry(bucket, item.Key, item.ETag, item.Size,
                    item.LastModified is { } modified ? new DateTimeOffset(modified.ToUniversalTime()) : null);
            }
            if (page.IsTruncated != true || string.IsNullOrEmpty(page.NextContinuationToken)) yield break;
            request.ContinuationToken = page.NextContinuationToken;
        }
    }

    /// <summary>One level of folders under a prefix (Delimiter "/"), and whether objects sit directly in it.</summary>
    public async Task<(IReadOnlyList<string> Folders, bool HasObjects)> ListFoldersAsync(string bucket, string prefix, CancellationToken cancellationToken)
    {
        var folders = new List<string>();
        var hasObjects = false;
        var request = new ListObjectsV2Request { BucketName = bucket, Prefix = prefix, Delimiter = "/", MaxKeys = 1000 };
        while (true)
        {
            var page = await s3.ListObjectsV2Async(request, cancellationToken);
            folders.AddRange(page.CommonPrefixes ?? []);
            hasObjects |= (page.S3Objects ?? []).Any(o => !o.Key.EndsWith('/'));
            if (page.IsTruncated != true || string.IsNullOrEmpty(page.NextContinuationToken)) break;
            request.ContinuationToken = page.NextContinuationToken;
        }
        return (folders, hasObjects);
    }
}
