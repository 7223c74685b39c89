namespace ActivityWatch.Simulation;

public static class AttackKinds
{
    public const string LeakedKeyRecon = "leaked-key-recon";
    public const string PrivilegeEscalation = "privilege-escalation";
    public const string S3Exfiltration = "s3-exfiltration";
    public const string LoggingTampering = "logging-tampering";
    public const string ConsoleLoginNewNetworkOddHour = "console-login-new-network-odd-hour";
    public const string RoleAssumedByNewPrincipal = "role-assumed-by-new-principal";
    public const string SecretsBurst = "secrets-burst";

    public static IReadOnlyList<string> All { get; } =
    [
        LeakedKeyRecon, PrivilegeEscalation, S3Exfiltration, LoggingTampering,
        ConsoleLoginNewNetworkOddHour, RoleAssumedByNewPrincipal, SecretsBurst,
    ];
}
