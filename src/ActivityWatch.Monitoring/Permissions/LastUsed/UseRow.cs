namespace ActivityWatch.Monitoring.Permissions.LastUsed;

/// <summary>One principal's use of one action (in one day, or all time) within a batch of events.</summary>
public sealed class UseRow(string principal, string action, DateOnly? day)
{
    public string Principal { get; } = principal;
    public string Action { get; } = action;
    public DateOnly? Day { get; } = day;
    public string Service => Action[..Action.IndexOf(':')];
    public string IdentityType { get; private set; } = "";
    public string? AccountId { get; private set; }
    public long Calls { get; private set; }
    public DateTime? FirstUsed { get; private set; }
    public DateTime? LastUsed { get; private set; }
    public long Denied { get; private set; }
    public DateTime? LastDenied { get; private set; }
    public DateTime LastSeen { get; private set; } = DateTime.MinValue;
    public string? LastRegion { get; private set; }
    public string? LastNetwork { get; private set; }

    /// <summary>
    /// Every merge commutes, so the row is the same in any order: sums, minima, maxima; the latest
    /// region and network by time, ties by text; identity type and account by least text (PostgreSQL
    /// merges the same way, see UseBatchSql).
    /// </summary>
    public void Add(DateTime time, bool denied, string? region, string? network, string identityType, string? accountId)
    {
        if (IdentityType.Length == 0 || string.CompareOrdinal(identityType, IdentityType) < 0) IdentityType = identityType;
        if (accountId is not null && (AccountId is null || string.CompareOrdinal(accountId, AccountId) < 0)) AccountId = accountId;
        if (denied)
        {
            Denied++;
            if (LastDenied is null || time > LastDenied) LastDenied = time;
        }
        else
        {
            Calls++;
            if (FirstUsed is null || time < FirstUsed) FirstUsed = time;
            if (LastUsed is null || time > LastUsed) LastUsed = time;
        }
        if (time > LastSeen || time == LastSeen && Later(region, network))
        {
            LastSeen = time;
            LastRegion = region;
            LastNetwork = network;
        }
    }

    private bool Later(string? region, string? network)
    {
        var byRegion = string.CompareOrdinal(region ?? "", LastRegion ?? "");
        return byRegion > 0 || byRegion == 0 && string.CompareOrdinal(network ?? "", LastNetwork ?? "") > 0;
    }
}
