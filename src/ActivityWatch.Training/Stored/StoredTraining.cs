using ActivityWatch.Anomalies.Features;
using ActivityWatch.Anomalies.Feedback;
using ActivityWatch.Anomalies.Model;
using ActivityWatch.Anomalies.Scoring;
using ActivityWatch.Monitoring.Timeline;
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
        AnomalyModel? previous, IProgress<long>? progress, CancellationToken cancellationToken, NetworkKinds? networks = null)
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

        var set = new TrainingSet(networks);
        await foreach (var record in StoredRecords.InEventTimeOrderAsync(store, since, until, cancellationToken))
        {
            set.Add(record, feedback, explain);
            if (set.Records % 100_000 == 0) progress?.Report(set.Records);
        }
        var window = $"stored events {since?.ToString("O") ?? "(start)"} to {until?.ToString("O") ?? "(end)"}";
        return new AnomalyTrainer(settings).Train(set, window);
    }
}
