using ActivityWatch.Monitoring.Detections.Catalogue;

namespace ActivityWatch.Monitoring.Detections;

/// <summary>
/// Every built-in rule, in the order `rules list` prints them. Imported (Sigma) rules and which
/// rules are enabled live in the event store (the rule library, Detections/Library).
/// </summary>
public static class DetectionCatalogue
{
    public static IReadOnlyList<DetectionRule> Rules { get; } =
    [
        .. RootUsageRules.All(),
        .. SignInRules.All(),
        .. CredentialRules.All(),
        .. CisMonitoringRules.All(),
        .. LoggingTamperingRules.All(),
        .. IamPolicyRules.All(),
        .. PersistenceRules.All(),
        .. PrivilegeEscalationRules.All(),
        .. DefenseEvasionRules.All(),
        .. CredentialAccessRules.All(),
        .. DiscoveryRules.All(),
        .. ExecutionRules.All(),
        .. ExfiltrationRules.All(),
        .. ImpactRules.All(),
    ];

    public static DetectionRule? Find(string id) => Rules.FirstOrDefault(r => r.Id == id);
}
