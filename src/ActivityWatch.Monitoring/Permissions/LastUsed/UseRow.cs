namespace ActivityWatch.Monitoring.Permissions.LastUsed;

/// <summary>One principal's use of one action (in one day, or all time) within a batch of events.</summary>
public sealed class UseRow(string principal, string action, DateOnly? day, string identityType, string? accountId)
{
    public string Principal { get; } = principal;
    public string Action { get; } = action;
    public DateOnly? Day { get; } = day;
    public string Service => Action[..Action.IndexOf(':')];
    public string IdentityType { get; } = identityType;
    public string? AccountId { get; } = accountId;
    public long Calls { get; private set; }
    public DateTime? FirstUsed { get; private set; }
    public DateTime? LastUsed { get; private set; }
    public long Denied { get; private set; }
    public DateTime? LastDenied { get; private set; }
    public DateTime LastSeen { get; private set; } = DateTime.MinValue;
    public string? LastRegion { get; private set; }
    public string? LastNetwork { get; private set; }

    public void Add(DateTime time, bool denied, string? region, string? network)
    {
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
        if (time >= LastSeen)
        {
            LastSeen = time;
            LastRegion = region;
            LastNetwork = network;
        }
    }
}
