using System.Text.Json;
using ActivityWatch.Monitoring.Detections.Reading;
using ActivityWatch.Monitoring.Records;

namespace ActivityWatch.Monitoring.Detections.Sigma;

/// <summary>A parsed and compiled Sigma rule, and the catalogue rule it becomes.</summary>
public sealed class SigmaRuleDefinition
{
    public required string File { get; init; }
    public string? SigmaId { get; init; }
    public required string Title { get; init; }
    public string? Description { get; init; }
    public string? Status { get; init; }
    public required string Severity { get; init; }
    public IReadOnlyList<string> Techniques { get; init; } = [];
    public IReadOnlyList<string> Tactics { get; init; } = [];
    public IReadOnlyList<string> FalsePositives { get; init; } = [];
    public required Func<JsonElement, bool> Predicate { get; init; }

    /// <summary>The catalogue id: "sigma." and the rule's id, else its file name.</summary>
    public string RuleId => "sigma." + (SigmaId is { Length: > 0 } id ? id : Path.GetFileNameWithoutExtension(File)).ToLowerInvariant();

    public DetectionRule ToRule() => new()
    {
        Id = RuleId,
        Title = Title,
        Severity = Severity,
        Mitre = Techniques,
        Tactics = Tactics,
        FalsePositives = FalsePositives,
        NextSteps = Description ?? "",
        Source = $"sigma:{File}",
        Status = Status,
        Match = Match,
    };

    private string? Match(ActivityRecorded record, DetectionContext context)
    {
        if (!record.IsCloudTrail() || record.Raw is not { ValueKind: JsonValueKind.Object } raw || !Predicate(raw)) return null;
        return $"Sigma rule '{Title}' matched {record.EventSource}:{record.EventName} by {record.Principal} from {record.SourceIp}.";
    }
}
