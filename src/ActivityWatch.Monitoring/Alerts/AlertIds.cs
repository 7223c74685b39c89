using ActivityWatch.Monitoring.Recording;

namespace ActivityWatch.Monitoring.Alerts;

/// <summary>
/// Alert ids derived from rule, principal and first evidence: live evaluation, replay and a second
/// node that raise the same alert from the same record all name the same stream.
/// </summary>
public static class AlertIds
{
    public static Guid For(string ruleId, string principal, string firstEvidenceId) =>
        EventIds.FromRecordKey($"alert|{ruleId}|{principal}|{firstEvidenceId}");
}
