using ActivityWatch.Anomalies.Features;
using ActivityWatch.Anomalies.Feedback;
using ActivityWatch.Anomalies.Model;
using ActivityWatch.Anomalies.Profiles;
using ActivityWatch.Anomalies.Scoring;
using ActivityWatch.Monitoring.Alerts;
using ActivityWatch.Monitoring.Alerts.Raising;
using ActivityWatch.Monitoring.LivePath;
using ActivityWatch.Monitoring.Records;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;

namespace ActivityWatch.Anomalies.Live;

/// <summary>
/// Scores every ActivityRecorded on the live path, under the async daemon, as a member of the
/// activity views composite (it shares their page of records). Each record is judged against its
/// principal's profile, then folded into it; the changed profiles commit with the page's
/// progress. Profiles are read afresh for every page: another node may have moved them on since
/// this one last held the shard. Alerts and their evidence go through a session of our own (see
/// AlertDetection for why); a page run twice raises nothing twice, as evidence ids are sets.
/// </summary>
public sealed class AnomalyScoring(ModelProvider models, AlertRaiser raiser, TimeProvider time, NetworkKinds networks) : IProjection
{
    public const string Member = "AnomalyScoring";

    public async Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellationToken)
    {
        var profiles = new ProfileBook();
        var scorer = new AnomalyScorer(new ActivityFeaturizer(profiles));
        var records = new List<(IEvent Event, ActivityRecorded Record, ActivityFacts Facts)>(events.Count);
        foreach (var @event in events)
        {
            if (@event.Data is ActivityRecorded record)
            {
                // Reading a record's facts is where its hostile content is met: a record that fails
                // there is recorded as this member's failure and scored no further.
                try
                {
                    records.Add((@event, record, ActivityFacts.From(record, networks, @event.Sequence)));
                }
                catch (Exception error) when (ProjectionFailures.IsCausedByRecord(error))
                {
                    ProjectionFailures.Record(operations, Member, @event, error, time);
                }
            }
            else if (@event.Data is AlertSuppressed suppressed && !suppressed.By.StartsWith("suppression:", StringComparison.Ordinal))
                await FeedbackQueries.RecordAsync(operations, suppressed.AlertId, suppressed.By, suppressed.Note, suppressed.At, cancellationToken);
        }
        if (records.Count == 0) return;

        await LoadProfilesAsync(operations, profiles, records.Select(r => r.Facts), cancellationToken);
        var model = models.Current;
        var threshold = model is null ? double.MaxValue : models.Threshold(model);
        var feedback = model is null ? [] : await FeedbackQueries.KeysAsync(operations, cancellationToken);
        await using var session = operations.DocumentStore.LightweightSession();
        AlertBatch? alerts = null;
        var evidence = new AlertEvidenceBook(session);
        foreach (var (@event, record, facts) in records)
        {
            ScoredActivity scored;
            try
            {
                scored = scorer.Score(facts, model, threshold, (principal, signature) => feedback.Contains(AnomalySignature.Key(principal, signature)));
            }
            catch (Exception error) when (ProjectionFailures.IsCausedByRecord(error))
            {
                ProjectionFailures.Record(operations, Member, @event, error, time);
                continue;
            }
            if (!scored.Anomalous) continue;
            alerts ??= await raiser.BeginAsync(session, cancellationToken);
            var change = await alerts.RaiseOrUpdateAsync(UnusualActivityHit.From(record, scored, @event.Timestamp), cancellationToken);
            if (change is not null) await evidence.RememberAsync(change.Alert.AlertId, record.Principal, scored.Signature, cancellationToken);
        }
        if (alerts is not null)
        {
            evidence.StoreChanged();
            await session.SaveChangesAsync(cancellationToken);
        }
        foreach (var profile in profiles.TakeChanged()) operations.Store(profile);
    }

    private static async Task LoadProfilesAsync(IQuerySession session, ProfileBook profiles, IEnumerable<ActivityFacts> facts, CancellationToken cancellationToken)
    {
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in facts)
        {
            wanted.Add(f.Principal);
            if (f.AssumedRole is not null) wanted.Add(f.AssumedRole);
            if (f.PassedRole is not null) wanted.Add(f.PassedRole);
        }
        foreach (var profile in await session.LoadManyAsync<PrincipalProfile>(cancellationToken, wanted)) profiles.Add(profile);
    }
}
