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

    /// <summary>
    /// The rules that match, with why. Each rule runs on its own: a rule that throws on a record (its
    /// content is attacker-written) is reported to <paramref name="failed"/> and the other rules still
    /// judge the record, so crafting a record that breaks one rule cannot hide it from another.
    /// </summary>
    public List<(DetectionRule Rule, string Explanation)> Evaluate(ActivityRecorded record, DetectionContext context, Action<DetectionRule, Exception>? failed = null)
    {
        var matches = new List<(DetectionRule, string)>();
        if (record.EventName is { } name && _byEventName.TryGetValue(name, out var named))
            foreach (var rule in named) Judge(rule);
        foreach (var rule in _anyEvent) Judge(rule);
        return matches;

        void Judge(DetectionRule rule)
        {
            try
            {
                if (rule.Match(record, context) is { } why) matches.Add((rule, why));
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                if (failed is null) throw;
                failed(rule, error);
            }
        }
    }
}
