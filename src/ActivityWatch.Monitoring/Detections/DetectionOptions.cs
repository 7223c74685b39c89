namespace ActivityWatch.Monitoring.Detections;

/// <summary>Configuration section "ActivityWatch:Detections" (env: ActivityWatch__Detections__*).</summary>
public sealed class DetectionOptions
{
    public const string Section = "ActivityWatch:Detections";

    /// <summary>A new match of the same rule and principal within this long after the open alert's last evidence updates it.</summary>
    public TimeSpan AlertWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Federated console sign-ins log MFAUsed "No" even when the identity provider enforced MFA, so
    /// they count as MFA-less only for the providers listed here: a SAML provider ARN or its name,
    /// "identity-center", "assumed-role" (switch-role and custom broker sign-ins) or "federated-user".
    /// </summary>
    public List<string> MfaLessFederatedProviders { get; set; } = [];

    /// <summary>CIS 5.1: unauthorized calls of one principal within the window before alerting.</summary>
    public int UnauthorizedCallsThreshold { get; set; } = 10;
    public TimeSpan UnauthorizedCallsWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>CIS 5.6: failed console sign-ins of one principal within the window before alerting.</summary>
    public int ConsoleFailuresThreshold { get; set; } = 5;
    public TimeSpan ConsoleFailuresWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>CIS 5.3 counts any root activity: one failed root sign-in alerts; later ones update that alert.</summary>
    public int RootSignInFailuresThreshold { get; set; } = 1;
    public TimeSpan RootSignInFailuresWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Buckets CloudTrail delivers to; CreateTrail/UpdateTrail records seen add to this list.</summary>
    public List<string> TrailBuckets { get; set; } = [];

    /// <summary>A lifecycle rule on a trail bucket that expires logs sooner than this is tampering.</summary>
    public int MinimumTrailRetentionDays { get; set; } = 365;

    /// <summary>CIS 2.8/2.9 baselines a password policy must keep.</summary>
    public int MinimumPasswordLength { get; set; } = 14;
    public int MinimumPasswordReusePrevention { get; set; } = 24;

    /// <summary>Accounts outside this estate that may be trusted or granted access (a security account, a vendor): role trust, bucket, Lambda and snapshot sharing to them does not alert.</summary>
    public List<string> TrustedAccounts { get; set; } = [];

    /// <summary>Secrets Manager secrets and SecureString parameters one principal reads within the window before alerting (distinct names).</summary>
    public int BulkSecretsThreshold { get; set; } = 10;
    public TimeSpan BulkSecretsWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Distinct instances one principal reaches (SSM commands and sessions, Instance Connect, user data and password reads) within the window.</summary>
    public int ManyInstancesThreshold { get; set; } = 3;
    public TimeSpan ManyInstancesWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Distinct reconnaissance APIs one principal calls (outside the console) within the window.</summary>
    public int DiscoveryThreshold { get; set; } = 7;
    public TimeSpan DiscoveryWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Distinct internet networks one EC2 instance's role session is used from within the window.</summary>
    public TimeSpan InstanceCredentialWindow { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Objects one principal deletes (distinct keys) within the window.</summary>
    public int MassDeletionThreshold { get; set; } = 100;
    public TimeSpan MassDeletionWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Objects one principal rewrites with a customer-provided key (SSE-C) within the window.</summary>
    public int SseCThreshold { get; set; } = 10;

    /// <summary>Instance type prefixes that are unusual to launch here (GPU and accelerator families by default).</summary>
    public List<string> UnusualInstanceTypes { get; set; } = ["p2.", "p3.", "p3dn.", "p4d.", "p4de.", "p5.", "p5e.", "p5en.", "p6-", "g3.", "g3s.", "g4ad.", "g4dn.", "g5.", "g5g.", "g6.", "g6e.", "gr6.", "dl1.", "dl2q.", "trn1.", "trn1n.", "trn2.", "inf1.", "inf2.", "x1.", "x1e.", "x2idn.", "x2iedn.", "u-"];

    /// <summary>Principals (ARNs) that deploy code as routine (CI/CD roles): Lambda code and layer changes by them do not alert.</summary>
    public List<string> DeploymentPrincipals { get; set; } = [];
}
