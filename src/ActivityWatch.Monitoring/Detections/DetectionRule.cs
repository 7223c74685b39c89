using ActivityWatch.Monitoring.Records;

namespace ActivityWatch.Monitoring.Detections;

/// <summary>
/// One detection: what it is (id, title, severity, the IAM best practice it enforces, the CIS AWS
/// Foundations v7.0 Monitoring controls and MITRE ATT&amp;CK techniques it maps to) and a pure
/// evaluation over one record that says why it fired, or null.
/// </summary>
public sealed class DetectionRule
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required string Severity { get; init; }
    public required string BestPractice { get; init; }
    public IReadOnlyList<string> Cis { get; init; } = [];
    public IReadOnlyList<string> Mitre { get; init; } = [];

    /// <summary>The eventNames the rule can fire on; null when any record may match. Lets the live path and replay skip records cheaply.</summary>
    public IReadOnlySet<string>? EventNames { get; init; }

    /// <summary>Set for aggregating rules: the rule fires once this many matches fall within the window.</summary>
    public Func<DetectionOptions, RuleThreshold>? Threshold { get; init; }

    /// <summary>Returns the explanation when the record matches, else null. No I/O.</summary>
    public required Func<ActivityRecorded, DetectionContext, string?> Match { get; init; }

    public string? Evaluate(ActivityRecorded record, DetectionContext context)
    {
        if (EventNames is not null && (record.EventName is null || !EventNames.Contains(record.EventName))) return null;
        return Match(record, context);
    }
}
