using System.Globalization;

namespace ActivityWatch.Ingestion.Objects;

/// <summary>
/// The delivery time AWS writes into log object names, so a folder is read oldest first rather
/// than account by account and region by region: per-principal state (windows, profiles, "first
/// seen") assumes a principal's records arrive roughly in time order.
/// CloudTrail: ACCOUNT_CloudTrail_REGION_20261102T0815Z_xxxx.json.gz;
/// S3 server access logs: [prefix]2026-11-02-08-15-03-XXXXXXXXXXXXXXXX.
/// </summary>
public static class DeliveryTime
{
    /// <summary>Oldest delivery first; names without a delivery time first, in name order.</summary>
    public static IOrderedEnumerable<T> Order<T>(IEnumerable<T> objects, Func<T, string> name) =>
        objects.OrderBy(o => FromName(name(o)) ?? DateTimeOffset.MinValue).ThenBy(name, StringComparer.Ordinal);

    public static DateTimeOffset? FromName(string path)
    {
        var name = Path.GetFileName(path);
        var marker = name.IndexOf("_CloudTrail_", StringComparison.Ordinal);
        if (marker >= 0)
        {
            foreach (var part in name[marker..].Split('_'))
            {
                if (part.Length == 14 && part[8] == 'T' && part[^1] == 'Z'
                    && DateTimeOffset.TryParseExact(part, "yyyyMMdd'T'HHmm'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
                    return time;
            }
            return null;
        }
        // The access log key ends in the time and a 16-character unique string.
        if (name.Length >= 36 && name[^17] == '-'
            && DateTimeOffset.TryParseExact(name[^36..^17], "yyyy-MM-dd-HH-mm-ss", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var accessLogTime))
            return accessLogTime;
        return null;
    }
}
