using ActivityWatch.Monitoring.Detections;

namespace ActivityWatch.Api.Alerts;

/// <summary>A detection rule as the catalogue page shows it.</summary>
public sealed record RuleView(
    string Id, string Title, string Severity, string BestPractice,
    IReadOnlyList<string> Cis, IReadOnlyList<string> Mitre, IReadOnlyList<string>? EventNames, bool Aggregating)
{
    public static RuleView Of(DetectionRule rule) => new(
        rule.Id, rule.Title, rule.Severity, rule.BestPractice, rule.Cis, rule.Mitre,
        rule.EventNames?.Order(StringComparer.Ordinal).ToList(), rule.Threshold is not null);
}
