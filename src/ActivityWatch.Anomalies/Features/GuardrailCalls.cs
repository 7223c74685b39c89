using System.Text.Json;

namespace ActivityWatch.Anomalies.Features;

/// <summary>
/// Calls that switch off or blind a guardrail: logging (CloudTrail, flow logs), threat detection
/// (GuardDuty, Security Hub, Access Analyzer, Macie), configuration recording. Some verbs are
/// ambiguous and are read from the request: GuardDuty's UpdateDetector only with "enable": false,
/// PutEventSelectors only when a selector drops management events or keeps writes only.
/// </summary>
public static class GuardrailCalls
{
    private static readonly HashSet<string> Always = new(StringComparer.Ordinal)
    {
        "StopLogging", "DeleteTrail", "DeleteDetector", "DisassociateFromMasterAccount", "DisassociateFromAdministratorAccount",
        "StopMonitoringMembers", "StopConfigurationRecorder", "DeleteConfigurationRecorder", "DeleteDeliveryChannel",
        "DisableSecurityHub", "DeleteFlowLogs", "DeleteAnalyzer", "DisableMacie", "DisableEbsEncryptionByDefault",
        "DeleteAccountPasswordPolicy", "DisableOrganizationAdminAccount", "DeleteInsightRules",
    };

    public static bool Disables(string eventName, JsonElement? parameters)
    {
        if (Always.Contains(eventName)) return true;
        if (parameters is not { ValueKind: JsonValueKind.Object } p) return false;
        return eventName switch
        {
            "UpdateDetector" => p.TryGetProperty("enable", out var enable) && enable.ValueKind == JsonValueKind.False,
            "PutEventSelectors" => NarrowsSelectors(p),
            _ => false,
        };
    }

    private static bool NarrowsSelectors(JsonElement parameters)
    {
        if (!parameters.TryGetProperty("eventSelectors", out var selectors) || selectors.ValueKind != JsonValueKind.Array) return false;
        var checkedSelectors = 0;
        foreach (var selector in selectors.EnumerateArray())
        {
            if (selector.ValueKind != JsonValueKind.Object || ++checkedSelectors > 10) continue;
            if (selector.TryGetProperty("includeManagementEvents", out var management) && management.ValueKind == JsonValueKind.False) return true;
            if (selector.TryGetProperty("readWriteType", out var rw) && rw.ValueKind == JsonValueKind.String && rw.ValueEquals("WriteOnly")) return true;
        }
        return false;
    }
}
