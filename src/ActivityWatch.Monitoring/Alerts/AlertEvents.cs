namespace ActivityWatch.Monitoring.Alerts;

// The life of an alert, one stream per alert (stream id = AlertId). Times are when the fact
// happened: FirstSeen/LastSeen come from the evidence's eventTime, analyst actions from the clock.

/// <summary>A detection fired for a principal and no open alert of the same rule and principal was within its window.</summary>
public sealed record AlertRaised(
    Guid AlertId,
    string RuleId,
    string Title,
    string Severity,
    IReadOnlyList<string> Cis,
    IReadOnlyList<string> Mitre,
    string Principal,
    string? AccountId,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen,
    IReadOnlyList<string> EventIds,
    string Explanation,
    DateTimeOffset RaisedAt,
    // Added with the detections: the suppression rule that matched (delivery skips these), and when
    // the triggering record was appended, so delivery can measure append-to-bus latency.
    string? SuppressedBy = null,
    DateTimeOffset? RecordAppendedAt = null);

/// <summary>New evidence for an open alert: the same rule and principal fired again within the window.</summary>
public sealed record AlertUpdated(
    Guid AlertId,
    DateTimeOffset LastSeen,
    int Count,
    IReadOnlyList<string> NewEventIds,
    string? Explanation,
    DateTimeOffset UpdatedAt,
    // Added with the detections: FirstSeen moves back when replay finds older evidence; Suppressed
    // says the alert is suppressed (delivery skips it); RecordAppendedAt as on AlertRaised.
    DateTimeOffset? FirstSeen = null,
    bool Suppressed = false,
    DateTimeOffset? RecordAppendedAt = null);

public sealed record AlertAcknowledged(Guid AlertId, string By, string? Note, DateTimeOffset At);

public sealed record AlertResolved(Guid AlertId, string By, string? Note, DateTimeOffset At);

public sealed record AlertSuppressed(Guid AlertId, string By, string? Note, DateTimeOffset At);

public sealed record AlertReopened(Guid AlertId, string By, string? Note, DateTimeOffset At);

public sealed record AlertAssigned(Guid AlertId, string Assignee, string By, DateTimeOffset At);

public sealed record AlertNoteAdded(Guid AlertId, string By, string Note, DateTimeOffset At);
