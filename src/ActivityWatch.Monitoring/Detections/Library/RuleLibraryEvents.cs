namespace ActivityWatch.Monitoring.Detections.Library;

/// <summary>A Sigma rule imported into the catalogue: the file as read, so every node compiles the same rule.</summary>
public sealed record SigmaRuleImported(string RuleId, string File, string Yaml, string By, DateTimeOffset At);

/// <summary>A rule (built-in or imported) switched on again.</summary>
public sealed record RuleEnabled(string RuleId, string By, DateTimeOffset At);

/// <summary>A rule switched off: records stored after this event are not evaluated by it live.</summary>
public sealed record RuleDisabled(string RuleId, string By, string? Note, DateTimeOffset At);
