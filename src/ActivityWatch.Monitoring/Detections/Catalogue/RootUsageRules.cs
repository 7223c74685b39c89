using ActivityWatch.Monitoring.Alerts;
using ActivityWatch.Monitoring.Detections.Reading;

namespace ActivityWatch.Monitoring.Detections.Catalogue;

/// <summary>
/// CIS 5.3 root account usage: userIdentity.type Root, no invokedBy, and not an AwsServiceEvent.
/// Every rule here applies that filter first, so AWS acting on root's behalf never fires.
/// </summary>
public static class RootUsageRules
{
    private static readonly string[] Cis53 = ["5.3"];

    // Sign-in-service records (ConsoleLogin, PasswordUpdated, CheckMfa...) have their own rules.
    private const string SignIn = "signin.amazonaws.com";

    private static readonly IReadOnlySet<string> CredentialChanges = EventNames.Of(
        "PasswordUpdated", "ChangePassword", "CreateVirtualMFADevice", "EnableMFADevice", "DeactivateMFADevice",
        "DeleteVirtualMFADevice", "ResyncMFADevice");

    public static IEnumerable<DetectionRule> All()
    {
        yield return new DetectionRule
        {
            Id = "root.console-signin",
            Title = "Root signed in to the console",
            Severity = Severity.High,
            BestPractice = BestPractices.LockAwayRoot,
            Cis = Cis53,
            Mitre = ["T1078.004"],
            EventNames = EventNames.Of("ConsoleLogin"),
            Match = (r, _) => r.IsRootUsage() && r.Succeeded()
                ? $"Root signed in to the console from {r.SourceIp} (MFA used: {r.AdditionalData("MFAUsed") ?? "unknown"})."
                : null,
        };
        yield return new DetectionRule
        {
            Id = "root.console-signin-failures",
            Title = "Repeated failed root console sign-ins",
            Severity = Severity.High,
            BestPractice = BestPractices.LockAwayRoot,
            Cis = ["5.3", "5.6"],
            Mitre = ["T1110.001"],
            EventNames = EventNames.Of("ConsoleLogin"),
            Threshold = o => new RuleThreshold(o.RootSignInFailuresThreshold, o.RootSignInFailuresWindow),
            Match = (r, _) => r.IsRootUsage() && !r.Succeeded()
                ? $"Failed root console sign-in from {r.SourceIp}: {r.ErrorMessage ?? r.Text("errorMessage") ?? "failure"}."
                : null,
        };
        yield return new DetectionRule
        {
            Id = "root.api-call",
            Title = "Root used for an API or console action",
            Severity = Severity.High,
            BestPractice = BestPractices.LockAwayRoot,
            Cis = Cis53,
            Mitre = ["T1078.004"],
            Match = (r, _) => r.IsCloudTrail() && r.IsRootUsage() && r.EventSource != SignIn
                ? $"Root called {r.EventSource}:{r.EventName} from {r.SourceIp}{(r.Succeeded() ? "" : $" (failed: {r.ErrorCode})")}."
                : null,
        };
        yield return new DetectionRule
        {
            Id = "root.access-key-created",
            Title = "Root access key created",
            Severity = Severity.Critical,
            BestPractice = BestPractices.LockAwayRoot,
            Cis = Cis53,
            Mitre = ["T1098.001"],
            EventNames = EventNames.Of("CreateAccessKey"),
            // With no userName, CreateAccessKey makes a key for the caller: root's own key (CIS 2.4 wants none).
            Match = (r, _) => r.IsRootUsage() && r.Succeeded() && string.IsNullOrEmpty(r.RequestParameter("userName"))
                ? $"Root created an access key for itself ({r.Text("responseElements", "accessKey", "accessKeyId") ?? "key id not logged"}) from {r.SourceIp}."
                : null,
        };
        yield return new DetectionRule
        {
            Id = "root.access-key-used",
            Title = "Root access key used",
            Severity = Severity.Critical,
            BestPractice = BestPractices.LockAwayRoot,
            Cis = Cis53,
            Mitre = ["T1078.004"],
            // Console sessions of root carry temporary ASIA keys; a long-term AKIA key means root has an access key in use.
            Match = (r, _) => r.IsCloudTrail() && r.IsRootUsage() && r.AccessKeyId is { } key && key.StartsWith("AKIA", StringComparison.Ordinal)
                ? $"Root's long-term access key {key} called {r.EventSource}:{r.EventName} from {r.SourceIp}."
                : null,
        };
        yield return new DetectionRule
        {
            Id = "root.credentials-changed",
            Title = "Root password or MFA changed",
            Severity = Severity.High,
            BestPractice = BestPractices.LockAwayRoot,
            Cis = Cis53,
            Mitre = ["T1098"],
            EventNames = CredentialChanges,
            Match = (r, _) => r.IsRootUsage() && r.Succeeded()
                ? $"Root {Describe(r.EventName)} from {r.SourceIp}."
                : null,
        };
    }

    private static string Describe(string? eventName) => eventName switch
    {
        "PasswordUpdated" or "ChangePassword" => "changed its password",
        "DeactivateMFADevice" or "DeleteVirtualMFADevice" => $"removed an MFA device ({eventName})",
        _ => $"changed its MFA ({eventName})",
    };
}
