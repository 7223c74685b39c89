using ActivityWatch.Detection.Feedback;
using ActivityWatch.Detection.Model;
using ActivityWatch.Detection.Scoring;
using ActivityWatch.Monitoring.Records;
using Marten;

namespace ActivityWatch.Training.Stored;

/// <summary>
/// `activitywatch model train`: the stored ActivityRecorded events of a window, in event-time
/// order, replayed into a training set (records matching analyst feedback left out), then trained.
/// </summary>
public static class StoredTraining
{
    public static async Task<TrainedModel> TrainAsync(
        IDocumentStore store, DateTimeOffset? since, DateTimeOffset? until, TrainerSettings settings,
        AnomalyModel? previous, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var feedback = await FeedbackQueries.KeysAsync(session, cancellationToken);
        // Feedback names signatures the previous model gave; without one there is nothing to match.
        Func<float[], IReadOnlyList<string>>? explain = previous is null ? null : vector =>
        {
            var residual = new float[vector.Length];
            var score = previous.Residual(vector, residual);
            return score < previous.Card.Threshold ? [] : AnomalyScorer.TopFeatures(residual, score);
        };

        IQueryable<ActivityRecorded> query = session.Events.QueryRawEventDataOnly<ActivityRecorded>();
        if (since is { } from) query = query.Where(r => r.EventTime >= from);
        if (until is { } to) query = query.Where(r => r.EventTime < to);
        var set = new TrainingSet();
        await foreach (var record in query.OrderBy(r => r.EventTime).ToAsyncEnumerable(cancellationToken))
        {
            set.Add(record, feedback, explain);
            if (set.Records % 100_000 == 0) progress?.Report(set.Records);
        }
        var window = $"stored events {since?.ToString("O") ?? "(start)"} to {until?.ToString("O") ?? "(end)"}";
        return new AnomalyTrainer(settings).Train(set, window);
    }
}
