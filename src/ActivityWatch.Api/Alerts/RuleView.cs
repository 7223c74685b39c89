using ActivityWatch.Monitoring.Detections;
using ActivityWatch.Monitoring.Detections.Library;

namespace ActivityWatch.Api.Alerts;

/// <summary>A detection rule as the catalogue page shows it: ATT&amp;CK ids and tactics, where it came from, whether it runs.</summary>
public sealed record RuleView(
    string Id, string Title, string Severity, string BestPractice,
    IReadOnlyList<string> Cis, IReadOnlyList<string> Mitre, IReadOnlyList<string>? EventNames, bool Aggregating,
    IReadOnlyList<string> Attack, IReadOnlyList<string> Tactics, string Source, bool Enabled, string? Status,
    string NextSteps, IReadOnlyList<string> FalsePositives)
{
    public static RuleView Of(DetectionRule rule) => Of(new RuleLibrarySnapshot.Entry(rule, 0, []));

    public static RuleView Of(RuleLibrarySnapshot.Entry entry)
    {
        var rule = entry.Rule;
        return new(rule.Id, rule.Title, rule.Severity, rule.BestPractice, rule.Cis, rule.Mitre,
            rule.EventNames?.Order(StringComparer.Ordinal).ToList(), rule.Threshold is not null,
            rule.Mitre, rule.AttackTactics, rule.Source, entry.Enabled, rule.Status, rule.NextSteps, rule.FalsePositives);
    }
}
