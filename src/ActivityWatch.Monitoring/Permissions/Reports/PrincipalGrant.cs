using ActivityWatch.Monitoring.Permissions.Granted;
using ActivityWatch.Monitoring.Permissions.Policies;

namespace ActivityWatch.Monitoring.Permissions.Reports;

/// <summary>A user or role with what its identity policies allow.</summary>
public sealed record PrincipalGrant(string AccountId, IamIdentityState Identity, EffectivePermissions Permissions, IReadOnlyList<string> Notes)
{
    public string Arn => Identity.Arn;
    public bool IsRole => Identity is IamRoleState;
}
