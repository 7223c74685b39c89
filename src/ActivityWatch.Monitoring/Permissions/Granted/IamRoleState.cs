namespace ActivityWatch.Monitoring.Permissions.Granted;

public sealed class IamRoleState(string arn, string name, DateTimeOffset? created) : IamIdentityState(arn, name, created)
{
    public string? TrustPolicy { get; set; }
    public DateTimeOffset? LastUsed { get; set; }
}
