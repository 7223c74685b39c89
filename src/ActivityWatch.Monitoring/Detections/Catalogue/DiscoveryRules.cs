using ActivityWatch.Monitoring.Alerts;
using ActivityWatch.Monitoring.Detections.Reading;
using ActivityWatch.Monitoring.Records;

namespace ActivityWatch.Monitoring.Detections.Catalogue;

/// <summary>
/// Discovery (TA0007): what a stolen credential does first. Each call is routine on its own, so
/// every rule here counts distinct things (APIs, instances, regions) per principal in a window.
/// </summary>
public static class DiscoveryRules
{
    /// <summary>The reconnaissance calls seen first on leaked credentials (Datadog, Invictus and Unit 42 incident write-ups; Stratus Red Team's discovery techniques).</summary>
    public static readonly IReadOnlySet<string> ReconCalls = EventNames.Of(
        "GetCallerIdentity", "GetAccountSummary", "GetAccountAuthorizationDetails", "ListUsers", "ListRoles", "ListGroups", "ListPolicies",
        "ListAccessKeys", "ListAttachedUserPolicies", "ListUserPolicies", "GetUser", "ListAccountAliases", "GetAccountPasswordPolicy",
        "ListBuckets", "DescribeInstances", "DescribeSnapshots", "DescribeImages", "DescribeSecurityGroups", "DescribeVpcs", "DescribeRegions",
        "DescribeTrails", "GetTrailStatus", "ListDetectors", "DescribeConfigurationRecorders", "ListSecrets", "DescribeParameters",
        "ListFunctions20150331", "ListFunctions", "DescribeDBInstances", "ListClusters", "ListOrganizationalUnitsForParent",
        "DescribeOrganization", "ListAccounts", "GetCostAndUsage", "ListHostedZones");

    private static readonly IReadOnlySet<string> InstanceDataCalls = EventNames.Of(
        "DescribeInstanceAttribute", "GetPasswordData", "GetConsoleOutput", "GetConsoleScreenshot");

    private static readonly IReadOnlySet<string> SesReconCalls = EventNames.Of(
        "GetAccountSendingEnabled", "GetSendQuota", "ListIdentities", "GetIdentityVerificationAttributes", "ListEmailIdentities", "GetAccount", "GetSendStatistics");

    private static readonly IReadOnlySet<string> BedrockReconCalls = EventNames.Of(
        "ListFoundationModels", "GetFoundationModelAvailability", "ListInferenceProfiles", "GetModelInvocationLoggingConfiguration", "ListCustomModels");

    public static IEnumerable<DetectionRule> All()
    {
        yield return new DetectionRule
        {
            Id = "discovery.api-burst",
            Title = "Burst of reconnaissance API calls",
            Severity = Severity.Medium,
            BestPractice = BestPractices.MonitorActivity,
            Mitre = ["T1580", "T1087.004", "T1526"],
            NextSteps = "Check whether the principal or key is new to this network or client; look at what followed (privilege changes, secret reads); leaked keys start exactly like this.",
            FalsePositives = ["Inventory and posture tools (Prowler, Steampipe, ScoutSuite) run by a person", "A new team member exploring from the CLI"],
            EventNames = ReconCalls,
            Threshold = o => new RuleThreshold(o.DiscoveryThreshold, o.DiscoveryWindow) { Distinct = r => r.EventName is { } n ? [n] : [] },
            // Console pages make these calls for every person who opens them (sessionCredentialFromConsole).
            Match = (r, _) => r.IsCloudTrail() && !r.IsServiceOnBehalf() && !r.FromConsole()
                ? $"{r.Principal} called {r.EventSource}:{r.EventName} from {r.SourceIp} ({r.UserAgent})."
                : null,
        };
        yield return new DetectionRule
        {
            Id = "ec2.instance-data-harvest",
            Title = "User data, passwords or console output read from many instances",
            Severity = Severity.High,
            BestPractice = BestPractices.LeastPrivilege,
            Mitre = ["T1552.005", "T1580", "T1113"],
            NextSteps = "List the instances (evidence); user data and console output often hold secrets and Windows password data is an administrator password: rotate what they expose, revoke the caller if unplanned.",
            FalsePositives = ["An operator troubleshooting a fleet's boot scripts"],
            EventNames = InstanceDataCalls,
            Threshold = o => new RuleThreshold(o.ManyInstancesThreshold, o.ManyInstancesWindow) { Distinct = r => r.Parameters("instanceId") },
            // Refused calls count too: Stratus Red Team and real intruders try many instances and fail on most.
            Match = (r, _) => r.IsCloudTrail() && r.EventSource == "ec2.amazonaws.com" && !r.IsServiceOnBehalf() && !r.FromConsole() && InstanceData(r)
                ? $"{r.Principal} called {r.EventName} on {r.RequestParameter("instanceId")} from {r.SourceIp}{ExecutionRules.Refused(r)}."
                : null,
        };
        yield return new DetectionRule
        {
            Id = "ses.enumeration",
            Title = "SES sending limits and identities enumerated",
            Severity = Severity.Medium,
            BestPractice = BestPractices.MonitorActivity,
            Mitre = ["T1526"],
            NextSteps = "Check whether the key normally uses SES; intruders check quotas before phishing or reselling the key: look for SendEmail and identity changes after.",
            FalsePositives = ["Mail platform engineers checking quotas"],
            EventNames = SesReconCalls,
            Threshold = _ => new RuleThreshold(3, TimeSpan.FromMinutes(10)) { Distinct = r => r.EventName is { } n ? [n] : [] },
            Match = (r, _) => r.IsCloudTrail() && r.EventSource == "ses.amazonaws.com" && !r.IsServiceOnBehalf() && !r.FromConsole()
                ? $"{r.Principal} called ses:{r.EventName} from {r.SourceIp}."
                : null,
        };
        yield return new DetectionRule
        {
            Id = "bedrock.model-enumeration",
            Title = "Bedrock models enumerated across regions",
            Severity = Severity.Medium,
            BestPractice = BestPractices.MonitorActivity,
            Mitre = ["T1526", "T1535"],
            NextSteps = "LLMjacking starts by listing models region by region: check the caller's usual regions and whether InvokeModel followed.",
            FalsePositives = ["A platform team surveying model availability"],
            EventNames = BedrockReconCalls,
            Threshold = _ => new RuleThreshold(3, TimeSpan.FromMinutes(30)) { Distinct = r => r.AwsRegion is { } region ? [region] : [] },
            Match = (r, _) => r.IsCloudTrail() && r.EventSource == "bedrock.amazonaws.com" && !r.IsServiceOnBehalf() && !r.FromConsole()
                ? $"{r.Principal} called bedrock:{r.EventName} in {r.AwsRegion} from {r.SourceIp}."
                : null,
        };
    }

    private static bool InstanceData(ActivityRecorded record) =>
        record.EventName != "DescribeInstanceAttribute" || string.Equals(record.RequestParameter("attribute"), "userData", StringComparison.OrdinalIgnoreCase);
}
