using ActivityWatch.Monitoring.Records;

namespace ActivityWatch.Monitoring.Detections;

/// <summary>
/// One detection: what it is (id, title, severity, the IAM best practice it enforces, the CIS AWS
/// Foundations v7.0 Monitoring controls and MITRE ATT&amp;CK techniques it maps to), what an analyst
/// does with it (next steps, known false positives), where it came from (built in, or a Sigma
/// file), and a pure evaluation over one record that says why it fired, or null.
/// </summary>
public sealed class DetectionRule
{
    public const string BuiltIn = "built-in";

    public required string Id { get; init; }
    public required string Title { get; init; }
    public required string Severity { get; init; }
    public string BestPractice { get; init; } = "";
    public IReadOnlyList<string> Cis { get; init; } = [];

    /// <summary>MITRE ATT&amp;CK technique ids (T1098.001); <c>rules list</c> shows them as <c>attack</c>.</summary>
    public IReadOnlyList<string> Mitre { get; init; } = [];

    /// <summary>ATT&amp;CK tactics the rule names itself (Sigma tags such as attack.persistence); built-in rules take theirs from <see cref="AttackTechniques"/>.</summary>
    public IReadOnlyList<string> Tactics { get; init; } = [];

    /// <summary>What the analyst should check next, in order.</summary>
    public string NextSteps { get; init; } = "";

    /// <summary>Known benign causes.</summary>
    public IReadOnlyList<string> FalsePositives { get; init; } = [];

    /// <summary><see cref="BuiltIn"/>, or <c>sigma:FILE</c> for an imported rule.</summary>
    public string Source { get; init; } = BuiltIn;

    /// <summary>Sigma's status (stable, test, experimental, deprecated) for imported rules; null for built-in ones.</summary>
    public string? Status { get; init; }

    /// <summary>The eventNames the rule can fire on; null when any record may match. Lets the live path and replay skip records cheaply.</summary>
    public IReadOnlySet<string>? EventNames { get; init; }

    /// <summary>Set for aggregating rules: the rule fires once this many matches (or distinct values) fall within the window.</summary>
    public Func<DetectionOptions, RuleThreshold>? Threshold { get; init; }

    /// <summary>Returns the explanation when the record matches, else null. No I/O; must not throw on any JSON shape.</summary>
    public required Func<ActivityRecorded, DetectionContext, string?> Match { get; init; }

    /// <summary>The ATT&amp;CK tactics covered: the rule's own, else those of its techniques.</summary>
    public IReadOnlyList<string> AttackTactics =>
        Tactics.Count > 0 ? Tactics : Mitre.SelectMany(AttackTechniques.TacticsOf).Distinct().ToList();

    public string? Evaluate(ActivityRecorded record, DetectionContext context)
    {
        if (EventNames is not null && (record.EventName is null || !EventNames.Contains(record.EventName))) return null;
        return Match(record, context);
    }
}
