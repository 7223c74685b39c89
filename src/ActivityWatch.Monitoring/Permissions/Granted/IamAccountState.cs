namespace ActivityWatch.Monitoring.Permissions.Granted;

/// <summary>
/// One account's IAM configuration at a point in time: the latest snapshot at or before it,
/// with CloudTrail's IAM changes after the snapshot replayed on top. Users, groups and roles
/// are keyed by name (IAM API calls name them; names are unique in an account).
/// </summary>
public sealed class IamAccountState(string accountId)
{
    public string AccountId { get; } = accountId;
    public Dictionary<string, IamUserState> Users { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, IamGroupState> Groups { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, IamRoleState> Roles { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, ManagedPolicyState> Policies { get; } = new(StringComparer.Ordinal);

    /// <summary>When the snapshot this state starts from was captured; null when it starts empty.</summary>
    public DateTimeOffset? SnapshotAt { get; set; }

    public int ChangesApplied { get; set; }

    public static IamAccountState From(IamSnapshot snapshot, DateTimeOffset capturedAt)
    {
        var state = new IamAccountState(snapshot.AccountId) { SnapshotAt = capturedAt };
        foreach (var policy in snapshot.Policies)
        {
            var p = new ManagedPolicyState(policy.Arn, policy.Name) { DefaultVersionId = policy.DefaultVersionId };
            foreach (var (id, document) in policy.Versions) p.Versions[id] = document;
            state.Policies[policy.Arn] = p;
        }
        foreach (var group in snapshot.Groups) state.Groups[group.Name] = Fill(new IamGroupState(group.Arn, group.Name), group.AttachedPolicyArns, group.InlinePolicies);
        foreach (var role in snapshot.Roles)
        {
            state.Roles[role.Name] = Fill(new IamRoleState(role.Arn, role.Name, role.CreateDate) { TrustPolicy = role.TrustPolicy, LastUsed = role.RoleLastUsed },
                role.AttachedPolicyArns, role.InlinePolicies);
        }
        foreach (var user in snapshot.Users)
        {
            var u = Fill(new IamUserState(user.Arn, user.Name, user.CreateDate) { PasswordLastUsed = user.PasswordLastUsed }, user.AttachedPolicyArns, user.InlinePolicies);
            if (user.PasswordLastUsed is not null) u.HasPassword = true;
            u.Groups.UnionWith(user.Groups);
            state.Users[user.Name] = u;
        }
        return state;
    }

    public IamIdentityState? FindByArn(string arn) =>
        (IamIdentityState?)Users.Values.FirstOrDefault(u => u.Arn == arn) ?? Roles.Values.FirstOrDefault(r => r.Arn == arn);

    private static T Fill<T>(T identity, IEnumerable<string> attached, IReadOnlyDictionary<string, string> inline) where T : IamIdentityState
    {
        identity.Attached.UnionWith(attached);
        foreach (var (name, document) in inline) identity.Inline[name] = document;
        return identity;
    }
}
