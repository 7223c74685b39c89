namespace ActivityWatch.Monitoring.Permissions.Granted;

/// <summary>A user's access key as IAM changes in CloudTrail describe it (the authorization details file has no keys).</summary>
public sealed class AccessKeyState(string id, DateTimeOffset? created)
{
    public string Id { get; } = id;
    public DateTimeOffset? Created { get; } = created;
    public bool Active { get; set; } = true;
}
