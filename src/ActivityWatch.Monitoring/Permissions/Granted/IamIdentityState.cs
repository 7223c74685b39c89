namespace ActivityWatch.Monitoring.Permissions.Granted;

/// <summary>What users, groups and roles share: attached managed policies (by ARN) and inline policies (name to JSON).</summary>
public abstract class IamIdentityState(string arn, string name, DateTimeOffset? created)
{
    public string Arn { get; } = arn;
    public string Name { get; } = name;
    public DateTimeOffset? Created { get; } = created;
    public HashSet<string> Attached { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, string> Inline { get; } = new(StringComparer.Ordinal);
}
