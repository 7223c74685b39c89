namespace ActivityWatch.Monitoring.Permissions.LastUsed;

public sealed class ResourceUse(string principal, string action, string resource)
{
    public string Principal { get; } = principal;
    public string Action { get; } = action;
    public string Resource { get; } = resource;
    public long Calls { get; private set; }
    public DateTime FirstUsed { get; private set; } = DateTime.MaxValue;
    public DateTime LastUsed { get; private set; } = DateTime.MinValue;

    public void Add(DateTime time)
    {
        Calls++;
        if (time < FirstUsed) FirstUsed = time;
        if (time > LastUsed) LastUsed = time;
    }
}
