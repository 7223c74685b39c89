using ActivityWatch.Detection.Features;
using ActivityWatch.Detection.Feedback;
using ActivityWatch.Detection.Model;
using ActivityWatch.Detection.Profiles;
using ActivityWatch.Detection.Scoring;
using ActivityWatch.Monitoring.Alerts;
using ActivityWatch.Monitoring.Alerts.Raising;
using ActivityWatch.Monitoring.Records;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Subscriptions;

namespace ActivityWatch.Detection.Live;

/// <summary>
/// Scores every ActivityRecorded on the live path, under the async daemon. Each record is
/// judged against its principal's profile, then folded into it; the changed profiles, the
/// alerts and the subscription's progress commit together. Profiles stay in memory between
/// pages while this node keeps the subscription; a gap in sequence (another node ran it, or a
/// restart) drops them and they are read again.
/// </summary>
public sealed class AnomalySubscription : SubscriptionBase
{
    public const string SubscriptionName = "AnomalyScoring";

    private readonly ModelProvider _models;
    private readonly AlertRaiser _raiser;
    private readonly ProfileBook _profiles = new();
    private readonly AnomalyScorer _scorer;
    private long _lastCeiling = -1;

    public AnomalySubscription(ModelProvider models, AlertRaiser raiser)
    {
        _models = models;
        _raiser = raiser;
        _scorer = new AnomalyScorer(new ActivityFeaturizer(_profiles));
        Name = SubscriptionName;
        IncludeType<ActivityRecorded>();
        IncludeType<AlertSuppressed>();
        Options.BatchSize = 1_000;
    }

    public override async Task<IChangeListener> ProcessEventsAsync(EventRange page, ISubscriptionController controller, IDocumentOperations operations, CancellationToken cancellationToken)
    {
        if (page.SequenceFloor != _lastCeiling) _profiles.Clear();
        var records = new List<(IEvent Event, ActivityRecorded Record, ActivityFacts Facts)>(page.Events.Count);
        foreach (var @event in page.Events)
        {
            if (@event.Data is ActivityRecorded record) records.Add((@event, record, ActivityFacts.From(record)));
            else if (@event.Data is AlertSuppressed suppressed && !suppressed.By.StartsWith("suppression:", StringComparison.Ordinal))
                await FeedbackQueries.RecordAsync(operations, suppressed.AlertId, suppressed.By, suppressed.Note, suppressed.At, cancellationToken);
        }

        if (records.Count > 0)
        {
            await LoadProfilesAsync(operations, records.Select(r => r.Facts), cancellationToken);
            var model = _models.Current;
            var threshold = model is null ? double.MaxValue : _models.Threshold(model);
            var feedback = model is null ? [] : await FeedbackQueries.KeysAsync(operations, cancellationToken);
            AlertBatch? alerts = null;
            foreach (var (@event, record, facts) in records)
            {
                var scored = _scorer.Score(facts, model, threshold, (principal, signature) => feedback.Contains(AnomalySignature.Key(principal, signature)));
                if (!scored.Anomalous) continue;
                alerts ??= await _raiser.BeginAsync(operations, cancellationToken);
                var change = await alerts.RaiseOrUpdateAsync(UnusualActivityHit.From(record, scored, @event.Timestamp), cancellationToken);
                if (change is not null) await RememberSignatureAsync(operations, change.Alert.AlertId, record.Principal, scored.Signature, cancellationToken);
            }
            foreach (var profile in _profiles.TakeChanged()) operations.Store(profile);
        }
        _lastCeiling = page.SequenceCeiling;
        return NullChangeListener.Instance;
    }

    private async Task LoadProfilesAsync(IQuerySession session, IEnumerable<ActivityFacts> facts, CancellationToken cancellationToken)
    {
        var missing = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in facts)
        {
            if (!_profiles.Contains(f.Principal)) missing.Add(f.Principal);
            if (f.AssumedRole is not null && !_profiles.Contains(f.AssumedRole)) missing.Add(f.AssumedRole);
        }
        if (missing.Count == 0) return;
        foreach (var profile in await session.LoadManyAsync<PrincipalProfile>(cancellationToken, missing)) _profiles.Add(profile);
    }

    private static async Task RememberSignatureAsync(IDocumentOperations operations, Guid alertId, string principal, string signature, CancellationToken cancellationToken)
    {
        var evidence = await operations.LoadAsync<AnomalyAlertEvidence>(alertId, cancellationToken)
                       ?? new AnomalyAlertEvidence { Id = alertId, Principal = principal };
        if (evidence.Signatures.Contains(signature)) return;
        evidence.Signatures.Add(signature);
        operations.Store(evidence);
    }
}
