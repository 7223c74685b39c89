using ActivityWatch.Monitoring.Alerts.Raising;
using ActivityWatch.Monitoring.Detections;
using ActivityWatch.Monitoring.Detections.Evaluation;
using ActivityWatch.Monitoring.LivePath;
using ActivityWatch.Monitoring.Records;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using Microsoft.Extensions.Options;

namespace ActivityWatch.Monitoring.Alerts.Live;

/// <summary>
/// The live path: the rule catalogue over every ActivityRecorded, run by the async daemon as a
/// member of the activity views composite (one node at a time under HotCold), so it shares the
/// page of records the views read. Each page's alert events, alert documents and window counters
/// are saved in one session of our own before the daemon records the page as done. (Marten
/// 9.58's daemon session created the alert stream row but dropped the appended events, so it is
/// not used for them.) A page re-run after a crash between the two commits, or by the node that
/// takes over, finds its evidence already recorded: evidence ids are sets and window entries are
/// keyed by event id, so nothing is added twice. A rule that cannot read a record is recorded as a
/// failure of that rule (see ProjectionFailures); the other rules' hits on the record, and every
/// record after it, are raised as usual.
/// </summary>
public sealed class AlertDetection(AlertRaiser raiser, IOptions<DetectionOptions> options, TimeProvider time) : IProjection
{
    public const string Member = "AlertDetection";

    private readonly RuleEvaluator _evaluator = new(DetectionCatalogue.Rules);

    public async Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        if (!events.Any(e => e.Data is ActivityRecorded)) return;
        await using var session = operations.DocumentStore.LightweightSession();
        var run = await DetectionRun.StartAsync(session, _evaluator, options.Value, persistent: true, cancellation);
        var alerts = await raiser.BeginAsync(session, cancellation);
        foreach (var @event in events)
        {
            if (@event.Data is not ActivityRecorded record) continue;
            try
            {
                await run.ProcessAsync(alerts, session, record, @event.Timestamp, cancellation,
                    (rule, error) => ProjectionFailures.Record(operations, $"{Member}:{rule.Id}", @event, error, time));
            }
            catch (Exception error) when (ProjectionFailures.IsCausedByRecord(error))
            {
                ProjectionFailures.Record(operations, Member, @event, error, time);
            }
        }
        run.SaveState(session);
        await session.SaveChangesAsync(cancellation);
    }
}
