using ActivityWatch.Monitoring.Alerts;
using ActivityWatch.Monitoring.Timeline;

namespace ActivityWatch.Api.Alerts;

/// <summary>An alert with its evidence records (raw JSON included) and the rule that raised it.</summary>
public sealed record AlertDetail(Alert Alert, IReadOnlyList<TimelineEntry> Evidence, RuleView? Rule);
