using ActivityWatch.Monitoring.LivePath;

namespace ActivityWatch.Monitoring.Posture;

/// <summary>One long-term (AKIA) access key as the logs show it (document id = key id).</summary>
public sealed class AccessKeyUsage
{
    public string Id { get; set; } = "";
    public string? UserName { get; set; }
    public string? Principal { get; set; }
    public string? AccountId { get; set; }

    /// <summary>When CreateAccessKey for this key was seen (its createDate), if it was.</summary>
    public DateTimeOffset? Created { get; set; }
    public DateTimeOffset? FirstSeen { get; set; }
    public DateTimeOffset? LastSeen { get; set; }
    public string? LastService { get; set; }
    public string? Status { get; set; }
    public bool Deleted { get; set; }
    public long Calls { get; set; }

    /// <summary>Distinct source networks (/24 for IPv4, /48 for IPv6) the key was used from, with the first use from each (at most 256, the earliest).</summary>
    public Dictionary<string, DateTimeOffset> NetworkFirstSeen { get; set; } = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Networks => NetworkFirstSeen.OrderBy(n => n.Value).ThenBy(n => n.Key, StringComparer.Ordinal).Select(n => n.Key).ToList();

    public int NetworkCount => NetworkFirstSeen.Count;

    // Which record each value came from (see Stamp): the view is the same in any arrival order.
    public Stamp? FirstStamp { get; set; }
    public Stamp? FirstUseStamp { get; set; }
    public Stamp? LastUseStamp { get; set; }
    public Stamp? StatusStamp { get; set; }
    public Stamp? UserNameStamp { get; set; }
    public int UserNameRank { get; set; } = int.MaxValue;

    /// <summary>Age from creation, else from first sight, at the given time.</summary>
    public TimeSpan? AgeAt(DateTimeOffset now) => (Created ?? FirstSeen) is { } since ? now - since : null;
}
