using System.Text.Json.Nodes;

namespace ActivityWatch.Monitoring.Permissions.Reports;

/// <summary>
/// `permissions policy`: one or more IAM policy documents that together allow exactly the
/// observed actions. More than one when a single document would pass IAM's managed policy size
/// limit (6,144 characters, whitespace not counted). <see cref="LeftOut"/> lists the used actions
/// the documents do not allow, each with its reason; <see cref="Refused"/> says why no policy
/// was generated at all (the root user), with no documents.
/// </summary>
public sealed record GeneratedPolicy(
    string Principal,
    DateTimeOffset? Since,
    IReadOnlyList<JsonObject> Documents,
    IReadOnlyList<string> Notes,
    IReadOnlyList<LeftOutAction> LeftOut,
    string? Refused = null)
{
    public IReadOnlyList<string> Warnings => LeftOut.Count == 0 ? [] : LeftOut.GroupBy(l => l.Reason).Select(Warning).ToList();

    private static string Warning(IGrouping<string, LeftOutAction> group) => group.Key switch
    {
        LeftOutAction.Alerted =>
            $"Left out because every use is evidence of an open or acknowledged high or critical alert (an incident, not routine use): " +
            $"{string.Join(", ", group.Select(l => $"{l.Action} ({string.Join(", ", l.Alerts.Select(a => $"{a.RuleId} {a.AlertId}"))})"))}. " +
            "Investigate the alerts; --include-alerted (API: includeAlerted=true) keeps them.",
        _ =>
            $"Left out because the action catalogue does not list them (a generated policy names only known actions): {string.Join(", ", group.Select(l => l.Action))}. " +
            "Check them against the Service Authorization Reference or load a full catalogue (--catalog), then add them by hand if the workload needs them.",
    };
}
