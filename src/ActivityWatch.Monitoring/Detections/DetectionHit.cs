namespace ActivityWatch.Monitoring.Detections;

/// <summary>
/// A detection that fired: the rule's description, who, and the evidence. Built by the rule
/// evaluator on the live path and by replay; other modules (the ML scorer's
/// <c>ml.unusual-activity</c>) build their own and hand them to <see cref="Alerts.AlertRaiser"/>.
/// </summary>
public sealed record DetectionHit
{
    public required string RuleId { get; init; }
    public required string Title { get; init; }
    public required string Severity { get; init; }
    public IReadOnlyList<string> Cis { get; init; } = [];
    public IReadOnlyList<string> Mitre { get; init; } = [];
    public required string Principal { get; init; }
    public string? AccountId { get; init; }
    public string? SourceIp { get; init; }

    /// <summary>CloudTrail eventIDs (or S3 request ids) of the records that are evidence.</summary>
    public required IReadOnlyList<string> EventIds { get; init; }

    /// <summary>The eventTime of the earliest and latest evidence.</summary>
    public required DateTimeOffset FirstSeen { get; init; }
    public required DateTimeOffset LastSeen { get; init; }

    public required string Explanation { get; init; }

    /// <summary>When the triggering record was appended to the event store, for end-to-end latency.</summary>
    public DateTimeOffset? RecordAppendedAt { get; init; }

    public static DetectionHit For(DetectionRule rule, Records.ActivityRecorded record, string explanation, DateTimeOffset? appendedAt) => new()
    {
        RuleId = rule.Id,
        Title = rule.Title,
        Severity = rule.Severity,
        Cis = rule.Cis,
        Mitre = rule.Mitre,
        Principal = record.Principal,
        AccountId = record.AccountId,
        SourceIp = record.SourceIp,
        EventIds = [Reading.RecordFields.EvidenceId(record)],
        FirstSeen = record.EventTime,
        LastSeen = record.EventTime,
        Explanation = explanation,
        RecordAppendedAt = appendedAt,
    };
}
