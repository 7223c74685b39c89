using System.Globalization;

namespace ActivityWatch.Simulation.Catalog;

internal static class Format
{
    /// <summary>CloudTrail's eventTime: second precision, Z.</summary>
    public static string EventTime(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>IAM and STS print dates in responseElements like "Nov 2, 2026, 8:15:03 AM".</summary>
    public static string Iam(DateTimeOffset time) => time.UtcDateTime.ToString("MMM d, yyyy, h:mm:ss tt", CultureInfo.InvariantCulture);

    /// <summary>S3 server access logs: [06/Feb/2019:00:00:38 +0000].</summary>
    public static string S3AccessTime(DateTimeOffset time) => time.UtcDateTime.ToString("'['dd'/'MMM'/'yyyy':'HH':'mm':'ss' +0000]'", CultureInfo.InvariantCulture);
}
