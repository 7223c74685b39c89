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

    /// <summary>The ids of the rules that match the record (thresholds not applied).</summary>
    public static async Task<IReadOnlyList<string>> MatchesAsync(string json, DetectionOptions? options = null, params string[] trailBuckets)
    {
        var record = await RecordAsync(json);
        var context = new DetectionContext(options ?? new DetectionOptions(), trailBuckets);
        context.Observe(record);
        return new RuleEvaluator(DetectionCatalogue.Rules).Evaluate(record, context).Select(m => m.Rule.Id).ToList();
    }
}
