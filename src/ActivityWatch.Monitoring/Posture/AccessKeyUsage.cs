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

    /// <summary>Distinct source networks (/24 for IPv4, /64 for IPv6) the key was used from.</summary>
    public List<string> Networks { get; set; } = [];

    public int NetworkCount => Networks.Count;

    /// <summary>Age from creation, else from first sight, at the given time.</summary>
    public TimeSpan? AgeAt(DateTimeOffset now) => (Created ?? FirstSeen) is { } since ? now - since : null;
}
