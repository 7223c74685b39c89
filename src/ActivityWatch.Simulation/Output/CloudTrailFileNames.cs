using System.Globalization;

namespace ActivityWatch.Simulation.Output;

/// <summary>The object keys CloudTrail delivers to, as documented:
/// AWSLogs/&lt;account&gt;/CloudTrail/&lt;region&gt;/YYYY/MM/DD/&lt;account&gt;_CloudTrail_&lt;region&gt;_&lt;YYYYMMDDTHHmmZ&gt;_&lt;unique&gt;.json.gz
/// and the CloudTrail-Digest equivalent. Dates are the delivery time's, so an event at 23:58 can sit
/// in the next day's folder, as with real trails.</summary>
public static class CloudTrailFileNames
{
    public static string LogFile(string account, string region, DateTimeOffset delivered, string unique) =>
        $"AWSLogs/{account}/CloudTrail/{region}/{Folder(delivered)}/{account}_CloudTrail_{region}_{delivered.UtcDateTime.ToString("yyyyMMdd'T'HHmm'Z'", CultureInfo.InvariantCulture)}_{unique}.json.gz";

    /// <summary>The region delivering the digest comes first; the trail's home region (where it was created) after its name.</summary>
    public static string DigestFile(string account, string region, string trail, string homeRegion, DateTimeOffset end) =>
        $"AWSLogs/{account}/CloudTrail-Digest/{region}/{Folder(end)}/{account}_CloudTrail-Digest_{region}_{trail}_{homeRegion}_{end.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}.json.gz";

    /// <summary>S3 server access logs with the simple key format: prefix, then YYYY-mm-DD-HH-MM-SS-UniqueString.</summary>
    public static string S3AccessLogFile(string bucket, DateTimeOffset delivered, string unique) =>
        $"s3-access-logs/{bucket}/{delivered.UtcDateTime.ToString("yyyy-MM-dd-HH-mm-ss", CultureInfo.InvariantCulture)}-{unique}";

    private static string Folder(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy'/'MM'/'dd", CultureInfo.InvariantCulture);
}
