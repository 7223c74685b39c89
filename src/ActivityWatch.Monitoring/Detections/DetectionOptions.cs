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

    /// <summary>Root is the one identity worth alerting on at a lower brute-force threshold.</summary>
    public int RootSignInFailuresThreshold { get; set; } = 3;
    public TimeSpan RootSignInFailuresWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Buckets CloudTrail delivers to; CreateTrail/UpdateTrail records seen add to this list.</summary>
    public List<string> TrailBuckets { get; set; } = [];

    /// <summary>A lifecycle rule on a trail bucket that expires logs sooner than this is tampering.</summary>
    public int MinimumTrailRetentionDays { get; set; } = 365;

    /// <summary>CIS 2.8/2.9 baselines a password policy must keep.</summary>
    public int MinimumPasswordLength { get; set; } = 14;
    public int MinimumPasswordReusePrevention { get; set; } = 24;
}
