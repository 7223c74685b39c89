using ActivityWatch.Monitoring.Detections;
using ActivityWatch.Monitoring.Detections.Evaluation;
using ActivityWatch.Monitoring.Records;
using Marten;

namespace ActivityWatch.Monitoring.Alerts.Raising;

/// <summary>
/// Evaluates records against rules and raises what fires, for the live subscription (state kept
/// in PostgreSQL: window counters, learned trail buckets) and for replay (state kept in memory
/// for the run, so a retro-hunt never disturbs the live counters).
/// </summary>
public sealed class DetectionRun
{
    private readonly RuleEvaluator _evaluator;
    private readonly DetectionOptions _options;
    private readonly DetectionWindows _windows;
    private readonly bool _persistent;
    private readonly TrailBucketRegistry _registry;
    private readonly DetectionContext _context;

    private DetectionRun(RuleEvaluator evaluator, DetectionOptions options, bool persistent, TrailBucketRegistry registry)
    {
        _evaluator = evaluator;
        _options = options;
        _persistent = persistent;
        _registry = registry;
        _windows = new DetectionWindows(persistent);
        _context = new DetectionContext(options, registry.Buckets);
    }

    public int Hits { get; private set; }

    public static async Task<DetectionRun> StartAsync(IQuerySession session, RuleEvaluator evaluator, DetectionOptions options, bool persistent, CancellationToken cancellationToken)
    {
        var registry = await session.LoadAsync<TrailBucketRegistry>(TrailBucketRegistry.DocumentId, cancellationToken) ?? new TrailBucketRegistry();
        return new DetectionRun(evaluator, options, persistent, registry);
    }

    /// <param name="ruleFailed">Told of each rule that threw on this record; the other rules' hits are raised. Without it, the error propagates.</param>
    public async Task ProcessAsync(AlertBatch alerts, IQuerySession session, ActivityRecorded record, DateTimeOffset? appendedAt, CancellationToken cancellationToken,
        Action<DetectionRule, Exception>? ruleFailed = null)
    {
        _context.Observe(record);
        // Every rule reads the record before any hit is counted or raised.
        foreach (var (rule, explanation) in _evaluator.Evaluate(record, _context, ruleFailed))
        {
            var hit = rule.Threshold is { } threshold
                ? await _windows.CountAsync(session, rule, threshold(_options), record, explanation, appendedAt, cancellationToken)
                : DetectionHit.For(rule, record, explanation, appendedAt);
            if (hit is null) continue;
            Hits++;
            await alerts.RaiseOrUpdateAsync(hit, cancellationToken);
        }
    }

    /// <summary>Queues the window counters and newly learned trail buckets on the batch's session.</summary>
    public void SaveState(IDocumentOperations session)
    {
        if (!_persistent) return;
        _windows.SaveChanges(session);
        if (_context.TrailBuckets.Count == _registry.Buckets.Count) return;
        _registry.Buckets = [.. _context.TrailBuckets.Order(StringComparer.Ordinal)];
        session.Store(_registry);
    }
}
