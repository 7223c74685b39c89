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
/// at a time under HotCold). Each page's alert events, alert documents and window counters are
/// saved in one session of our own before the daemon records the page as done. (Marten 9.58's
/// daemon session created the alert stream row but dropped the appended events, so it is not
/// used for them.) A page re-run after a crash between the two commits, or by the node that takes
/// over, finds its evidence already recorded: evidence ids are sets and window entries are keyed
/// by event id, so nothing is added twice.
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
        // A page holds whatever has arrived, so an idle system still sees one record per page; under
        // load large pages cut the per-page cost (session, suppression and registry reads, one commit).
        Options.BatchSize = 2000;
    }

    public override async Task<IChangeListener> ProcessEventsAsync(EventRange page, ISubscriptionController controller, IDocumentOperations operations, CancellationToken cancellationToken)
    {
        await using var session = operations.DocumentStore.LightweightSession();
        var run = await DetectionRun.StartAsync(session, _evaluator, _options, persistent: true, cancellationToken);
        var alerts = await _raiser.BeginAsync(session, cancellationToken);
        foreach (var @event in page.Events)
        {
            if (@event.Data is ActivityRecorded record)
                await run.ProcessAsync(alerts, session, record, @event.Timestamp, cancellationToken);
        }
        run.SaveState(session);
        await session.SaveChangesAsync(cancellationToken);
        return NullChangeListener.Instance;
    }
}
