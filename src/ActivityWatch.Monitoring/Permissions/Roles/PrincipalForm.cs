namespace ActivityWatch.Monitoring.Permissions.Roles;

/// <summary>How a logged principal relates to the IAM principal it names.</summary>
public enum PrincipalForm
{
    /// <summary>The principal as IAM names it (or not a role at all): nothing to resolve.</summary>
    Exact,

    /// <summary>A role named without its path (S3 access logs), resolved to the role ARN known from CloudTrail or an IAM import.</summary>
    Resolved,

    /// <summary>A role named without its path that no CloudTrail record or IAM import confirms: its path is not known.</summary>
    Unresolved,
}
