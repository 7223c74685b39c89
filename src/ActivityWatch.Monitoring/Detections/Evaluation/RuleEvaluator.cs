using ActivityWatch.Monitoring.Records;

namespace ActivityWatch.Monitoring.Detections.Evaluation;

/// <summary>
/// Runs rules over records. Rules that name their eventNames are looked up by name, so at ingest
/// rates a record costs one dictionary probe plus the few rules that look at every record.
/// </summary>
public sealed class RuleEvaluator
{
    private readonly Dictionary<string, DetectionRule[]> _byEventName;
    private readonly DetectionRule[] _anyEvent;

    public RuleEvaluator(IEnumerable<DetectionRule> rules)
    {
        var all = rules.ToList();
        _anyEvent = all.Where(r => r.EventNames is null).ToArray();
        _byEventName = all.Where(r => r.EventNames is not null)
            .SelectMany(r => r.EventNames!.Select(name => (name, rule: r)))
            .GroupBy(x => x.name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(x => x.rule).ToArray(), StringComparer.Ordinal);
    }

    public IEnumerable<(DetectionRule Rule, string Explanation)> Evaluate(ActivityRecorded record, DetectionContext context)
    {
        if (record.EventName is { } name && _byEventName.TryGetValue(name, out var named))
            foreach (var rule in named)
                if (rule.Match(record, context) is { } why) yield return (rule, why);
        foreach (var rule in _anyEvent)
            if (rule.Match(record, context) is { } why) yield return (rule, why);
    }
}
