using System.Globalization;
using System.Text.RegularExpressions;

namespace ActivityWatch.Ingestion.Aws.S3;

/// <summary>
/// What an object key says about its log: layout, account, region, delivery time, and the
/// partition (the folder whose keys sort by time) it belongs to. Layouts are the documented ones:
/// CloudTrail "Finding your CloudTrail log files" and S3 "Logging requests with server access
/// logging", key name formats.
/// </summary>
public sealed partial record LogKey(string Key, LogKeyLayout Layout, string Partition, string? Account, string? Region, DateTimeOffset? Time)
{
    public bool IsDigest => Layout == LogKeyLayout.CloudTrailDigest;

    public static LogKey Parse(string key)
    {
        var match = CloudTrailKey().Match(key);
        if (match.Success)
        {
            var layout = match.Groups["service"].Value == "CloudTrail-Digest" ? LogKeyLayout.CloudTrailDigest : LogKeyLayout.CloudTrail;
            return new LogKey(key, layout, match.Groups["partition"].Value, match.Groups["account"].Value,
                match.Groups["region"].Value, CloudTrailTime(match.Groups["file"].Value));
        }
        match = PartitionedAccessKey().Match(key);
        if (match.Success)
        {
            return new LogKey(key, LogKeyLayout.S3AccessPartitioned, match.Groups["partition"].Value, match.Groups["account"].Value,
                match.Groups["region"].Value, AccessTime(match.Groups["stamp"].Value));
        }
        match = SimpleAccessKey().Match(key);
        if (match.Success)
        {
            return new LogKey(key, LogKeyLayout.S3AccessSimple, match.Groups["partition"].Value, null, null, AccessTime(match.Groups["stamp"].Value));
        }
        var slash = key.LastIndexOf('/');
        return new LogKey(key, LogKeyLayout.Other, slash < 0 ? "" : key[..(slash + 1)], null, null, null);
    }

    /// <summary>
    /// The ListObjectsV2 StartAfter that lists again everything delivered from <paramref name="window"/>
    /// before this key: keys sort by delivery time within a partition, but only to the minute
    /// (CloudTrail) or second (access logs) followed by a random suffix.
    /// </summary>
    public string StartAfter(TimeSpan window)
    {
        if (Time is not { } time) return Key;
        var t = (time - window).UtcDateTime;
        if (t < DateTime.UnixEpoch) t = DateTime.UnixEpoch;
        return Layout switch
        {
            LogKeyLayout.CloudTrail => $"{Partition}{t:yyyy'/'MM'/'dd}/{Account}_CloudTrail_{Region}_{t:yyyyMMdd'T'HHmm}",
            LogKeyLayout.S3AccessPartitioned => $"{Partition}{t:yyyy'/'MM'/'dd}/{t:yyyy-MM-dd-HH-mm-ss}",
            LogKeyLayout.S3AccessSimple => $"{Partition}{t:yyyy-MM-dd-HH-mm-ss}",
            // Names sort by trail before time, and a backfill digest arrives late beside earlier ones: the day again.
            LogKeyLayout.CloudTrailDigest => $"{Partition}{t:yyyy'/'MM'/'dd}/",
            _ => Key,
        };
    }

    private static DateTimeOffset? CloudTrailTime(string file)
    {
        var stamp = CloudTrailStamp().Match(file);
        if (!stamp.Success) return null;
        var format = stamp.Groups[1].Value.Length == 16 ? "yyyyMMdd'T'HHmmss'Z'" : "yyyyMMdd'T'HHmm'Z'";
        return DateTimeOffset.TryParseExact(stamp.Groups[1].Value, format, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time) ? time : null;
    }

    private static DateTimeOffset? AccessTime(string stamp) =>
        DateTimeOffset.TryParseExact(stamp, "yyyy-MM-dd-HH-mm-ss", CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time) ? time : null;

    // Organisation trails add the organisation id before the account: AWSLogs/o-xxxx/111122223333/CloudTrail/...
    [GeneratedRegex(@"^(?<partition>(?:.*/)?AWSLogs/(?:o-[a-z0-9]+/)?(?<account>\d{12})/(?<service>CloudTrail(?:-Digest|-Insight)?)/(?<region>[a-z0-9-]+)/)\d{4}/\d{2}/\d{2}/(?<file>[^/]+)$")]
    private static partial Regex CloudTrailKey();

    [GeneratedRegex(@"_(\d{8}T\d{4}(?:\d{2})?Z)")]
    private static partial Regex CloudTrailStamp();

    [GeneratedRegex(@"^(?<partition>.*?(?<account>\d{12})/(?<region>[a-z]{2}(?:-[a-z]+)+-\d+)/[^/]+/)\d{4}/\d{2}/\d{2}/(?<stamp>\d{4}-\d{2}-\d{2}-\d{2}-\d{2}-\d{2})-[^/]+$")]
    private static partial Regex PartitionedAccessKey();

    [GeneratedRegex(@"^(?<partition>[^\n]*?)(?<stamp>\d{4}-\d{2}-\d{2}-\d{2}-\d{2}-\d{2})-[A-Za-z0-9]+$")]
    private static partial Regex SimpleAccessKey();
}
