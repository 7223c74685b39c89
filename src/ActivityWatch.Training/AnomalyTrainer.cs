using ActivityWatch.Anomalies.Features;
using ActivityWatch.Anomalies.Model;
using Microsoft.ML;
using Microsoft.ML.Trainers;

namespace ActivityWatch.Training;

/// <summary>Trains RandomizedPca on a training set, calibrates the threshold and writes the .zip and card.</summary>
public sealed class AnomalyTrainer(TrainerSettings settings)
{
    public TrainedModel Train(TrainingSet set, string source)
    {
        if (set.Rows.Count < 10) throw new InvalidOperationException($"Only {set.Rows.Count} warm records to learn from: ingest more history first.");
        var ml = new MLContext(seed: settings.Seed);
        var sample = Sample(set.Rows, settings.MaxPcaRows, settings.Seed);
        var data = FeatureRow.Load(ml, sample);
        var trainer = ml.AnomalyDetection.Trainers.RandomizedPca(new RandomizedPcaTrainer.Options
        {
            FeatureColumnName = nameof(FeatureRow.Features),
            Rank = Math.Min(settings.Rank, FeatureNames.Count - 1),
            Oversampling = settings.Oversampling,
            EnsureZeroMean = true,
            Seed = settings.Seed,
        });
        var transformer = trainer.Fit(data);

        var draft = new ModelCard { Features = FeatureNames.All, FeatureWeights = settings.FeatureWeights ?? FeatureNames.DefaultWeights };
        var model = AnomalyModel.FromTransformer(transformer, draft);
        var scores = new float[set.Rows.Count];
        for (var i = 0; i < scores.Length; i++) scores[i] = model.Score(set.Rows[i].Vector);
        var (threshold, principalDays) = ThresholdCalibration.Calibrate(set.Rows, scores, settings);
        var sorted = scores.Order().ToArray();

        var card = draft with
        {
            ModelVersion = DateTimeOffset.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'"),
            Rank = model.Rank,
            Oversampling = settings.Oversampling,
            TrainedFrom = set.From,
            TrainedUntil = set.Until,
            TrainedAt = DateTimeOffset.UtcNow,
            TrainingSource = source,
            TrainingRecords = set.Records,
            ScoredRows = set.Rows.Count,
            ExcludedByFeedback = set.ExcludedByFeedback,
            Threshold = threshold,
            ThresholdRule = $"highest principal-day score allowing {settings.AlertBudgetPerThousandPrincipalDays} alerting principal-days per 1,000 " +
                            $"in training, times {settings.ThresholdMargin}",
            Metrics = new Dictionary<string, double>
            {
                ["trainingPrincipalDays"] = principalDays,
                ["scoreP50"] = Quantile(sorted, 0.5),
                ["scoreP99"] = Quantile(sorted, 0.99),
                ["scoreP9999"] = Quantile(sorted, 0.9999),
                ["scoreMax"] = sorted[^1],
                ["trainingRowsOverThreshold"] = scores.Count(s => s >= threshold),
            },
        };
        return new TrainedModel(ml, transformer, data.Schema, new AnomalyModel(card, model.EigenVectors, model.Mean));
    }

    private static double Quantile(float[] sorted, double q) => sorted[(int)Math.Min(sorted.Length - 1, q * sorted.Length)];

    private static IEnumerable<float[]> Sample(List<TrainingRow> rows, int max, int seed)
    {
        if (rows.Count <= max) return rows.Select(r => r.Vector);
        var random = new Random(seed);
        var keep = (double)max / rows.Count;
        return rows.Where(_ => random.NextDouble() < keep).Select(r => r.Vector);
    }
}
