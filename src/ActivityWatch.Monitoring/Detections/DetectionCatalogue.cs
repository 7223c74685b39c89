using ActivityWatch.Monitoring.Detections.Catalogue;

namespace ActivityWatch.Monitoring.Detections;

/// <summary>Every built-in rule, in the order `rules list` prints them.</summary>
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
    ];

    public static DetectionRule? Find(string id) => Rules.FirstOrDefault(r => r.Id == id);
}
