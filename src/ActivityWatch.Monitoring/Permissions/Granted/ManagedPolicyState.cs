namespace ActivityWatch.Monitoring.Permissions.Granted;

public sealed class ManagedPolicyState(string arn, string name)
{
    public string Arn { get; } = arn;
    public string Name { get; } = name;
    public string? DefaultVersionId { get; set; }
    public Dictionary<string, string> Versions { get; } = new(StringComparer.Ordinal);

    public string? DefaultDocument => DefaultVersionId is { } id && Versions.TryGetValue(id, out var document) ? document : null;
}
