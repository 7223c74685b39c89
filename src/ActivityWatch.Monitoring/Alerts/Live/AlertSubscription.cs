using ActivityWatch.Monitoring.Alerts.Raising;
using ActivityWatch.Monitoring.Detections;
using ActivityWatch.Monitoring.Detections.Evaluation;
using ActivityWatch.Monitoring.Records;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Subscriptions;
using Microsoft.Extensions.Options;

namespace ActivityWatch.Monitoring.Alerts.Live;

/// <summary>
/// The live path: a Marten subscription over ActivityRecorded, run by the async daemon (one node
/// at a time under HotCold). Alert events, documents and window counters are written through the
/// daemon's session, which commits them with the subscription's progress: a batch re-run after a
/// crash or on another node starts from the last committed position, and evidence sets make any
/// overlap harmless.
/// </summary>
public sealed class AlertSubscription : SubscriptionBase
{
    public const string SubscriptionName = "Alerts";

    private readonly RuleEvaluator _evaluator = new(DetectionCatalogue.Rules);
    private readonly AlertRaiser _raiser;
    private readonly DetectionOptions _options;

    public AlertSubscription(AlertRaiser raiser, IOptions<DetectionOptions> options)
    {
        _raiser = raiser;
        _options = options.Value;
        Name = SubscriptionName;
        IncludeType<ActivityRecorded>();
        // Small pages keep one record's alert close behind its append; under load the daemon still fills them.
        Options.BatchSize = 500;
    }

    public override async Task<IChangeListener> ProcessEventsAsync(EventRange page, ISubscriptionController controller, IDocumentOperations operations, CancellationToken cancellationToken)
    {
        var run = await DetectionRun.StartAsync(operations, _evaluator, _options, persistent: true, cancellationToken);
        var alerts = await _raiser.BeginAsync(operations, cancellationToken);
        foreach (var @event in page.Events)
        {
            if (@event.Data is ActivityRecorded record)
                await run.ProcessAsync(alerts, operations, record, @event.Timestamp, cancellationToken);
        }
        run.SaveState(operations);
        return NullChangeListener.Instance;
    }
}
