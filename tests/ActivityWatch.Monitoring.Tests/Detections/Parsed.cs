using System.Text;
using ActivityWatch.Ingestion.Parsing;
using ActivityWatch.Monitoring.Detections;
using ActivityWatch.Monitoring.Detections.Evaluation;
using ActivityWatch.Monitoring.Records;

namespace ActivityWatch.Monitoring.Tests.Detections;

/// <summary>Runs raw CloudTrail JSON through the real parser, then through the rules.</summary>
public static class Parsed
{
    public static async Task<ActivityRecorded> RecordAsync(string json)
    {
        var bytes = Encoding.UTF8.GetBytes("{\"Records\":[" + json + "]}");
        await using var log = await LogObjectReader.OpenAsync(new MemoryStream(bytes), "memory://detections/test.json", CancellationToken.None);
        await foreach (var parsed in log.ReadAsync(0, CancellationToken.None))
            return parsed.Record ?? throw new InvalidOperationException($"rejected: {parsed.Rejection?.Reason}");
        throw new InvalidOperationException("no record");
    }

    /// <summary>The rules that fire over records in order, thresholds applied (window state in memory, as replay keeps it).</summary>
    public static async Task<IReadOnlyList<DetectionHit>> HitsAsync(IEnumerable<string> records, DetectionOptions? options = null)
    {
        var context = new DetectionContext(options ?? new DetectionOptions());
        var windows = new DetectionWindows(persistent: false);
        var evaluator = new RuleEvaluator(DetectionCatalogue.Rules);
        var hits = new List<DetectionHit>();
        foreach (var json in records)
        {
            var record = await RecordAsync(json);
            context.Observe(record);
            foreach (var (rule, why) in evaluator.Evaluate(record, context))
            {
                var hit = rule.Threshold is { } threshold
                    ? await windows.CountAsync(null!, rule, threshold(context.Options), record, why, null, CancellationToken.None)
                    : DetectionHit.For(rule, record, why, null);
                if (hit is not null) hits.Add(hit);
            }
        }
        return hits;
    }

    /// <summary>The ids of the rules that match the record (thresholds not applied).</summary>
    public static async Task<IReadOnlyList<string>> MatchesAsync(string json, DetectionOptions? options = null, params string[] trailBuckets)
    {
        var record = await RecordAsync(json);
        var context = new DetectionContext(options ?? new DetectionOptions(), trailBuckets);
        context.Observe(record);
        return new RuleEvaluator(DetectionCatalogue.Rules).Evaluate(record, context).Select(m => m.Rule.Id).ToList();
    }
}
