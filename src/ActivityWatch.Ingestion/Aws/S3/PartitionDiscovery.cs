using System.Text.RegularExpressions;

namespace ActivityWatch.Ingestion.Aws.S3;

/// <summary>
/// Finds the partitions under a configured prefix: the folders whose keys sort by delivery time
/// (one account and region of a trail, one source bucket of date-partitioned access logs) and
/// the flat prefixes of simple access logs. It walks folders with Delimiter "/" until it meets
/// year folders (YYYY/) or objects, so it needs no layout configured and finds new accounts and
/// regions as they appear. Digest folders are entered only for log file integrity verification
/// (digests are not activity).
/// </summary>
public sealed partial class PartitionDiscovery(S3ObjectLister lister, bool digests)
{
    private const int MaxDepth = 8;

    public async Task<IReadOnlyList<string>> DiscoverAsync(S3Uri root, CancellationToken cancellationToken)
    {
        var partitions = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Queue<(string Prefix, int Depth)>([(root.Key, 0)]);
        while (pending.TryDequeue(out var item))
        {
            var (folders, hasObjects) = await lister.ListFoldersAsync(root.Bucket, item.Prefix, cancellationToken);
            if (hasObjects || folders.Any(f => YearFolder().IsMatch(f[item.Prefix.Length..]))) partitions.Add(item.Prefix);
            if (item.Depth >= MaxDepth) continue;
            foreach (var folder in folders)
            {
                var name = folder[item.Prefix.Length..];
                if (YearFolder().IsMatch(name) || (name == "CloudTrail-Digest/" && !digests)) continue;
                pending.Enqueue((folder, item.Depth + 1));
            }
        }
        return [.. partitions];
    }

    [GeneratedRegex(@"^\d{4}/$")]
    private static partial Regex YearFolder();
}
