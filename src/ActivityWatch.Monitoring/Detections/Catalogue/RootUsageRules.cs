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
            NextSteps = "Confirm with the account owner that this was a planned break-glass sign-in; check the source IP and MFA; review every root action in the session (timeline --principal arn:aws:iam::ACCOUNT:root).",
            FalsePositives = ["Tasks only root can do (closing the account, changing the support plan, restoring IAM admin access)"],
            EventNames = EventNames.Of("ConsoleLogin"),
            Match = (r, _) => r.IsRootUsage() && r.Succeeded()
                ? $"Root signed in to the console from {r.SourceIp} (MFA used: {r.AdditionalData("MFAUsed") ?? "unknown"})."
                : null,
        };
        yield return new DetectionRule
        {
            Id = "root.console-signin-failures",
            // CIS 5.3 counts any root activity, failed sign-ins included: the first failure alerts
            // (RootSignInFailuresThreshold, 1 by default) and later ones add to the same alert.
            Title = "Failed root console sign-in",
            Severity = Severity.High,
            BestPractice = BestPractices.LockAwayRoot,
            Cis = ["5.3", "5.6"],
            Mitre = ["T1110.001", "T1078.004"],
            NextSteps = "Ask the root email owner whether they tried to sign in; check the source IP's reputation and the count of failures; make sure root has MFA and a strong password.",
            FalsePositives = ["The owner mistyping the root password during a break-glass procedure"],
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
            NextSteps = "Find the root sign-in or key that started this; confirm the task needed root; move the task to an IAM role.",
            FalsePositives = ["Root-only tasks during an approved break-glass session"],
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
            NextSteps = "Delete the key unless the owner can justify it; search for calls made with responseElements.accessKey.accessKeyId; rotate root's password and check its MFA.",
            FalsePositives = ["None expected: CIS 2.4 and the IAM best practices want no root access keys"],
            EventNames = EventNames.Of("CreateAccessKey"),
            // With no userName, CreateAccessKey makes a key for the caller: root's own key (CIS 2.4 wants none).
            // Keys are made in the console, whose calls CloudTrail logs with userIdentity.invokedBy
            // "signin.amazonaws.com" and requestParameters null: the CIS 5.3 filter (no invokedBy) would
            // drop exactly the record this rule exists for, so only AWS service events are left out here.
            Match = (r, _) => r.IsRootIdentity() && r.Succeeded() && string.IsNullOrEmpty(r.RequestParameter("userName"))
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
            NextSteps = "Identify who holds the key; delete it; review everything it did (timeline --access-key KEY).",
            FalsePositives = ["Legacy automation still running on root keys (itself a finding)"],
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
            NextSteps = "Confirm the change with the root email owner; if unexpected, recover the account through AWS Support and review the session's other actions.",
            FalsePositives = ["Planned root password rotation or MFA device replacement"],
            EventNames = CredentialChanges,
            // Console changes carry invokedBy signin.amazonaws.com, like root's key creation: kept.
            Match = (r, _) => r.IsRootIdentity() && r.Succeeded()
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
