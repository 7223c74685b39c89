namespace ActivityWatch.Contracts.Alerts;

/// <summary>
/// An alert was raised or received new evidence. Published on the bus for every AlertRaised and
/// AlertUpdated; consumers must be idempotent on (AlertId, Version): the same message can arrive
/// twice after a broker outage.
/// </summary>
public sealed record AlertPublished
{
    public required Guid AlertId { get; init; }

    /// <summary>The alert stream's version this message describes: higher is newer.</summary>
    public required long Version { get; init; }

    /// <summary>"raised" or "updated".</summary>
    public required string Change { get; init; }

    public required string RuleId { get; init; }
    public required string Title { get; init; }
    public required string Severity { get; init; }
    public required IReadOnlyList<string> Cis { get; init; }
    public required IReadOnlyList<string> Mitre { get; init; }
    public required string Principal { get; init; }
    public string? AccountId { get; init; }
    public required DateTimeOffset FirstSeen { get; init; }
    public required DateTimeOffset LastSeen { get; init; }
    public required int Count { get; init; }
    public required IReadOnlyList<string> EventIds { get; init; }
    public required string Explanation { get; init; }

    /// <summary>When the record that triggered this change was appended: end-to-end latency is measured from here.</summary>
    public DateTimeOffset? TriggerAppendedAt { get; init; }
}
