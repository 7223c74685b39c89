namespace ActivityWatch.Monitoring.Alerts.Replay;

/// <summary>What a retro-hunt did: records read, rule hits, alerts raised and alerts given new evidence, and records the rule could not read.</summary>
public sealed record ReplaySummary(string RuleId, long Records, int Hits, int Raised, int Updated, double Seconds, int RecordsFailed = 0);
