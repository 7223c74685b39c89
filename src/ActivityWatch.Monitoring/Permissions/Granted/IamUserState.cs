namespace ActivityWatch.Monitoring.Permissions.Granted;

public sealed class IamUserState(string arn, string name, DateTimeOffset? created) : IamIdentityState(arn, name, created)
{
    public HashSet<string> Groups { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, AccessKeyState> AccessKeys { get; } = new(StringComparer.Ordinal);

    /// <summary>True after CreateLoginProfile or a password sign-in, false after DeleteLoginProfile, null when unknown.</summary>
    public bool? HasPassword { get; set; }

    public DateTimeOffset? PasswordLastUsed { get; set; }
}
