namespace ActivityWatch.Simulation;

/// <summary>The values of <see cref="SimulatedRecord.Scenario"/>.</summary>
public static class ScenarioIds
{
    public const string RootUsage = "incident-root-usage";
    public const string ConsoleLoginWithoutMfa = "incident-console-login-without-mfa";
    public const string ConsoleLoginFailureBurst = "incident-console-login-failure-burst";
    public const string AccessKeyNewNetworkRecon = "incident-access-key-new-network-recon";
    public const string TrailStopped = "incident-cloudtrail-stop-logging";
    public const string BackdoorUser = "incident-backdoor-user";
    public const string AdminPolicyAttached = "incident-admin-policy-attached";

    public static IReadOnlyList<string> SampleWeekIncidents { get; } =
    [
        RootUsage, ConsoleLoginWithoutMfa, ConsoleLoginFailureBurst, AccessKeyNewNetworkRecon,
        TrailStopped, BackdoorUser, AdminPolicyAttached,
    ];

    /// <summary>Attack <paramref name="index"/> (zero-based position in <see cref="SimulationOptions.Attacks"/>).</summary>
    public static string ForAttack(int index, string kind) => $"attack-{index + 1:D2}-{kind}";
}
