namespace ActivityWatch.Monitoring.Detections;

/// <summary>The IAM security best practices ("Security best practices in IAM") the rules enforce, by their headings.</summary>
public static class BestPractices
{
    public const string LockAwayRoot = "Lock away your AWS account root user access keys";
    public const string EnableMfa = "Enable MFA";
    public const string LeastPrivilege = "Grant least privilege";
    public const string ManagedOverInline = "Use customer managed policies instead of inline policies";
    public const string StrongPasswordPolicy = "Configure a strong password policy for your users";
    public const string DoNotShareAccessKeys = "Do not share access keys";
    public const string UseTemporaryCredentials = "Require human users to use federation with an identity provider to access AWS using temporary credentials";
    public const string UseRolesForWorkloads = "Require workloads to use temporary credentials with IAM roles to access AWS";
    public const string VerifyPublicAndCrossAccountAccess = "Verify public and cross-account access to resources with IAM Access Analyzer";
    public const string MonitorActivity = "Monitor activity in your AWS account";
}
