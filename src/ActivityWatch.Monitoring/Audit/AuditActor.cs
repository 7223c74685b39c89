namespace ActivityWatch.Monitoring.Audit;

/// <summary>
/// Who acts: <see cref="Id"/> tells actors apart ("key:{key id}", "oidc:{subject}", "cli:{user}"),
/// <see cref="Name"/> is for people, <see cref="Role"/> the role the action was allowed under.
/// </summary>
public sealed record AuditActor(string Id, string Name, string Role)
{
    /// <summary>The one string kept where a record has room for only one (an alert's history, a key's creator): "alice (key:0193...)".</summary>
    public string Label => Name == Id ? Id : $"{Name} ({Id})";
}
