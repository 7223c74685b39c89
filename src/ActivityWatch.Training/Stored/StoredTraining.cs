using ActivityWatch.Anomalies.Features;
using ActivityWatch.Anomalies.Feedback;
using ActivityWatch.Anomalies.Model;
using ActivityWatch.Anomalies.Scoring;
using ActivityWatch.Monitoring.Store;
using ActivityWatch.Monitoring.Timeline;
using Marten;
using Npgsql;
using NpgsqlTypes;

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

        var schema = store.Options.Events.DatabaseSchemaName;
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        // The timeline's time index gives event-time order; the body is read as bytes and parsed here.
        await using var command = new NpgsqlCommand($"""
            SELECT {EventBodies.Utf8("e")}
            FROM {TimelineTable.JoinedToEvents(schema)}
            WHERE (@since::timestamptz IS NULL OR t.event_time >= @since) AND (@until::timestamptz IS NULL OR t.event_time < @until)
            ORDER BY t.event_time
            """, connection);
        command.Parameters.Add(new NpgsqlParameter("since", NpgsqlDbType.TimestampTz) { Value = (object?)since?.UtcDateTime ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("until", NpgsqlDbType.TimestampTz) { Value = (object?)until?.UtcDateTime ?? DBNull.Value });
        var set = new TrainingSet(networks);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                set.Add(EventBodies.Record(reader.GetFieldValue<byte[]>(0)), feedback, explain);
                if (set.Records % 100_000 == 0) progress?.Report(set.Records);
            }
        }
        var window = $"stored events {since?.ToString("O") ?? "(start)"} to {until?.ToString("O") ?? "(end)"}";
        return new AnomalyTrainer(settings).Train(set, window);
    }
}
