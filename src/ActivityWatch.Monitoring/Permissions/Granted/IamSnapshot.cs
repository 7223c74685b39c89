namespace ActivityWatch.Monitoring.Permissions.Granted;

/// <summary>
/// The IAM configuration of one account as `aws iam get-account-authorization-details` reports
/// it, with every policy document normalised to JSON text.
/// </summary>
public sealed record IamSnapshot(
    string AccountId,
    IReadOnlyList<IamUserDetail> Users,
    IReadOnlyList<IamGroupDetail> Groups,
    IReadOnlyList<IamRoleDetail> Roles,
    IReadOnlyList<IamManagedPolicy> Policies);
