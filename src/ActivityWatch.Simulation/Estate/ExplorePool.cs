using System.Reflection;
using ActivityWatch.Simulation.Catalog;

namespace ActivityWatch.Simulation.Estate;

/// <summary>
/// What a person might try next: other calls of the services they already use. Sensitive
/// permission and guardrail changes are left out: people try reads and everyday writes.
/// </summary>
internal static class ExplorePool
{
    private static readonly string[] NeverTried =
    [
        "CreateAccessKey", "CreateLoginProfile", "AttachUserPolicy", "AttachRolePolicy", "DetachRolePolicy", "CreateUser",
        "CreateRole", "DeleteRole", "UpdateAccessKey", "DeleteAccessKey", "StopLogging", "DeleteTrail", "PutEventSelectors",
        "DeleteDetector", "UpdateDetector", "StopConfigurationRecorder", "DeleteDeliveryChannel", "DisableSecurityHub",
        "DeleteFlowLogs", "DeleteAnalyzer", "PutBucketPolicy", "ConsoleLogin", "AssumeRole", "AssumeRoleWithSAML",
        "RotationSucceeded", "UpdateInstanceInformation", "RunInstances", "CreateFunction20150331", "DeleteObjects",
        "UpdateFunctionConfiguration20150331v2", "StartLogging", "UpdateTrail", "PutConfigRule", "CreateBackup",
        "CreateDBSnapshot", "GetSecretValue",
    ];

    /// <summary>Every call of the catalogue, in a stable order (reflection order is not guaranteed).</summary>
    public static IReadOnlyList<ApiCall> Catalogue { get; } = typeof(ApiCatalog)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(ApiCall))
        .Select(f => (ApiCall)f.GetValue(null)!)
        .DistinctBy(a => a.Action)
        .OrderBy(a => a.Action, StringComparer.Ordinal)
        .ToList();

    public static IReadOnlyList<ApiCall> For(IEnumerable<ApiCall> habits)
    {
        var known = habits.Select(h => h.Action).ToHashSet(StringComparer.Ordinal);
        var services = habits.Select(h => h.Service).ToHashSet(StringComparer.Ordinal);
        return Catalogue.Where(a => services.Contains(a.Service) && !known.Contains(a.Action) && Array.IndexOf(NeverTried, a.Name) < 0
                                    && a.EventType == "AwsApiCall").ToList();
    }

    /// <summary>Looking after the guardrails: what their administrators change now and then, none of it switching one off.</summary>
    public static IReadOnlyList<ApiCall> GuardrailUpkeep { get; } =
    [
        ApiCatalog.UpdateTrail, ApiCatalog.UpdateDetector, ApiCatalog.PutConfigRule, ApiCatalog.BatchUpdateFindings, ApiCatalog.GetDetector,
        ApiCatalog.ListFindings, ApiCatalog.DescribeConfigRules, ApiCatalog.DescribeFlowLogs, ApiCatalog.GetEnabledStandards, ApiCatalog.ListAnalyzers,
    ];

    /// <summary>Discovery calls an intruder spreads out: List, Describe and Get across services.</summary>
    public static IReadOnlyList<ApiCall> Discovery { get; } = Catalogue
        .Where(a => a.ReadOnly && a.EventType == "AwsApiCall" && !a.DataEvent && a.Name != "GetSecretValue"
                    && (a.Name.StartsWith("List", StringComparison.Ordinal) || a.Name.StartsWith("Describe", StringComparison.Ordinal)
                        || a.Name.StartsWith("Get", StringComparison.Ordinal)))
        .ToList();
}
