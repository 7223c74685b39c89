using ActivityWatch.Monitoring.LivePath;

namespace ActivityWatch.Monitoring.Posture;

/// <summary>How root is used in one account (document id = account id), CIS 5.3's subject.</summary>
public sealed class RootUsage
{
    public string Id { get; set; } = "";
    public DateTimeOffset? LastConsoleSignIn { get; set; }
    public string? LastConsoleSignInIp { get; set; }
    public bool? LastConsoleSignInMfa { get; set; }
    public int FailedConsoleSignIns { get; set; }
    public Stamp? LastConsoleSignInStamp { get; set; }
    public DateTimeOffset? LastApiCall { get; set; }
    public string? LastApiCallName { get; set; }
    public Stamp? LastApiCallStamp { get; set; }

    /// <summary>Root's long-term access keys seen in use, in key order.</summary>
    public List<string> AccessKeysSeen { get; set; } = [];

    /// <summary>Root records per UTC day ("2026-11-02" -> count).</summary>
    public SortedDictionary<string, int> PerDay { get; set; } = new(StringComparer.Ordinal);

    public long Total { get; set; }
}
