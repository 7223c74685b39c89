using ActivityWatch.Monitoring.Alerts;

namespace ActivityWatch.Cli.Commands.Alerts;

/// <summary>The JSON shape of an alert for scripts (stable field names).</summary>
public static class AlertJson
{
    public static object Summary(Alert a) => new
    {
        id = a.AlertId,
        ruleId = a.RuleId,
        title = a.Title,
        severity = a.Severity,
        cis = a.Cis,
        principal = a.Principal,
        accountId = a.AccountId,
        firstSeen = a.FirstSeen,
        lastSeen = a.LastSeen,
        count = a.Count,
        status = a.Status.ToString().ToLowerInvariant(),
        eventIds = a.EventIds,
    };

    public static object Detail(Alert a) => new
    {
        id = a.AlertId,
        ruleId = a.RuleId,
        title = a.Title,
        severity = a.Severity,
        cis = a.Cis,
        mitre = a.Mitre,
        principal = a.Principal,
        accountId = a.AccountId,
        firstSeen = a.FirstSeen,
        lastSeen = a.LastSeen,
        count = a.Count,
        status = a.Status.ToString().ToLowerInvariant(),
        explanation = a.Explanation,
        suppressedBy = a.SuppressedBy,
        assignee = a.Assignee,
        eventIds = a.EventIds,
        history = a.History.Select(h => new { action = h.Action, by = h.By, note = h.Note, at = h.At }),
    };
}
