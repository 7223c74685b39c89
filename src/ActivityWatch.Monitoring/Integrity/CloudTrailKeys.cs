using System.Globalization;
using System.Text.RegularExpressions;

namespace ActivityWatch.Monitoring.Integrity;

/// <summary>
/// Where CloudTrail delivers (AWS CloudTrail User Guide, "Finding your CloudTrail log files" and
/// "CloudTrail digest file structure"): log files under
/// AWSLogs/[o-org/]account/CloudTrail/region/YYYY/MM/DD/account_CloudTrail_region_YYYYMMDDTHHmmZ_unique.json.gz
/// and digests under AWSLogs/[o-org/]account/CloudTrail-Digest/region/YYYY/MM/DD/
/// account_CloudTrail-Digest_region_trail-name_home-region_YYYYMMDDTHHmmssZ[_backfill].json.gz.
/// A file is known by its key from "AWSLogs/" on, whatever comes before it (bucket, optional
/// prefix, a local folder): so a trail bucket copied to disk or elsewhere verifies the same.
/// </summary>
public static partial class CloudTrailKeys
{
    public static LogFileKey? LogFile(string name)
    {
        var match = LogFilePattern().Match(name);
        if (!match.Success) return null;
        return new LogFileKey(match.Groups["key"].Value, match.Groups["partition"].Value, match.Groups["account"].Value,
            match.Groups["region"].Value, Time(match.Groups["stamp"].Value));
    }

    public static DigestFileKey? DigestFile(string name)
    {
        var match = DigestFilePattern().Match(name);
        if (!match.Success) return null;
        var partition = match.Groups["partition"].Value;
        var trailName = match.Groups["trail"].Value;
        var home = match.Groups["home"].Value;
        return new DigestFileKey(match.Groups["key"].Value, partition, match.Groups["account"].Value, match.Groups["region"].Value,
            trailName, home, Time(match.Groups["stamp"].Value), match.Groups["backfill"].Success);
    }

    /// <summary>The log file partition whose files a digest partition's digests list (same account and region).</summary>
    public static string LogPartitionOf(string digestPartition) =>
        digestPartition.Replace("/CloudTrail-Digest/", "/CloudTrail/", StringComparison.Ordinal);

    private static DateTimeOffset? Time(string stamp)
    {
        var format = stamp.Length == 16 ? "yyyyMMdd'T'HHmmss'Z'" : "yyyyMMdd'T'HHmm'Z'";
        return DateTimeOffset.TryParseExact(stamp, format, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time) ? time : null;
    }

    // The lazy prefix takes the first "AWSLogs/" after which the whole documented layout follows.
    [GeneratedRegex(@"^(?:.*?/)??(?<key>(?<partition>AWSLogs/(?:o-[a-z0-9]+/)?(?<account>\d{12})/CloudTrail/(?<region>[a-z0-9-]+)/)\d{4}/\d{2}/\d{2}/\k<account>_CloudTrail_\k<region>_(?<stamp>\d{8}T\d{4}(?:\d{2})?Z)_[^/]+)$")]
    private static partial Regex LogFilePattern();

    // Trail names hold letters, digits, '.', '_' and '-': the home region after them ends the name.
    [GeneratedRegex(@"^(?:.*?/)??(?<key>(?<partition>AWSLogs/(?:o-[a-z0-9]+/)?(?<account>\d{12})/CloudTrail-Digest/(?<region>[a-z0-9-]+)/)\d{4}/\d{2}/\d{2}/\k<account>_CloudTrail-Digest_\k<region>_(?<trail>[A-Za-z0-9._-]+)_(?<home>[a-z]{2}(?:-[a-z]+)+-\d+)_(?<stamp>\d{8}T\d{6}Z)(?<backfill>_backfill)?\.json\.gz)$")]
    private static partial Regex DigestFilePattern();
}

/// <summary>A CloudTrail log file: its key from AWSLogs/ on, the account and region folder it sits in, and the time in its name.</summary>
public sealed record LogFileKey(string Key, string Partition, string AccountId, string Region, DateTimeOffset? Time);

/// <summary>
/// A digest file: its key, the folder of its trail's digests, the trail (name and home region) and
/// the end of the hour it covers, from its name. Backfill digests list files a regular one missed.
/// </summary>
public sealed record DigestFileKey(
    string Key, string Partition, string AccountId, string Region, string TrailName, string HomeRegion, DateTimeOffset? Time, bool Backfill)
{
    /// <summary>One chain of digests: a trail's digests delivered from one region.</summary>
    public string Trail => $"{Partition}{TrailName}_{HomeRegion}";

    public string TrailArn => TrailArnOf(AccountId, HomeRegion, TrailName);

    public static string TrailArnOf(string? accountId, string? homeRegion, string? trailName) =>
        $"arn:aws:cloudtrail:{homeRegion ?? "-"}:{accountId ?? "-"}:trail/{trailName ?? "-"}";
}
