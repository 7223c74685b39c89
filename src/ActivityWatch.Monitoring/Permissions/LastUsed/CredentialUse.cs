namespace ActivityWatch.Monitoring.Permissions.LastUsed;

/// <summary>A long-term credential's use in one hour from one network.</summary>
public sealed class CredentialUse(string credential, DateTime hour, string network, string principal)
{
    /// <summary>The credential name used for a console password.</summary>
    public const string Password = "password";

    public string Credential { get; } = credential;
    public DateTime Hour { get; } = hour;
    public string Network { get; } = network;
    public string Principal { get; } = principal;
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
