using ActivityWatch.Anomalies.Features;
using ActivityWatch.Anomalies.Model;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;

namespace ActivityWatch.Training;

/// <summary>
/// FastTree (boosted trees) on labelled simulated activity: attack records against benign ones. The
/// threshold comes from rows the trees never saw (<paramref name="calibration"/>): the highest
/// score per benign principal-day there, at the alert budget, as for PCA.
/// </summary>
public sealed class ClassifierTrainer(TrainerSettings settings)
{
    /// <summary>Like <see cref="ThresholdCalibration"/>, for a margin that may be negative: just above the highest
    /// benign principal-day the budget does not allow.</summary>
    private static (double Threshold, long PrincipalDays) Calibrate(List<TrainingRow> rows, float[] scores, double budget)
    {
        var dayMax = new Dictionary<(string, DateOnly), float>();
        for (var i = 0; i < rows.Count; i++)
        {
            var key = (rows[i].Principal, DateOnly.FromDateTime(rows[i].Time.UtcDateTime));
            if (!dayMax.TryGetValue(key, out var max) || scores[i] > max) dayMax[key] = scores[i];
        }
        if (dayMax.Count == 0) return (0, 0);
        var sorted = dayMax.Values.OrderByDescending(s => s).ToArray();
        var allowed = (int)Math.Floor(budget * sorted.Length / 1000.0);
        return (sorted[Math.Min(allowed, sorted.Length - 1)] + 0.01, sorted.Length);
    }

    private static float Bias(AnomalyModel model) => model.Score(new float[FeatureNames.Count]);

    private sealed class Row
    {
        public float[] Features { get; set; } = [];
        public bool Label { get; set; }
        public float Weight { get; set; }
    }

    /// <param name="algorithm"><see cref="AnomalyModel.FastTree"/> or <see cref="AnomalyModel.Logistic"/>.</param>
    public TrainedModel Train(IReadOnlyList<LabelledRow> rows, IReadOnlyList<LabelledRow> calibration, string source, string algorithm = AnomalyModel.FastTree)
    {
        var attacks = rows.Count(r => r.Attack);
        if (attacks == 0 || attacks == rows.Count) throw new InvalidOperationException("The classifier needs attack and benign rows.");
        var random = new Random(settings.Seed);
        var benign = rows.Count - attacks;
        // Benign rows with nothing unusual are alike: a sample of them teaches as much as all.
        var keepQuiet = Math.Min(1.0, settings.MaxClassifierRows / (double)Math.Max(1, benign));
        var sample = rows.Where(r => r.Attack || r.Vector.Max() >= 0.5f || random.NextDouble() < keepQuiet).ToList();
        var kept = sample.Count(r => !r.Attack);
        var positiveWeight = (float)Math.Clamp(kept / (20.0 * attacks), 1, 20);
        var ml = new MLContext(seed: settings.Seed);
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, FeatureNames.Count);
        var data = ml.Data.LoadFromEnumerable(sample.Select(r => new Row { Features = r.Vector, Label = r.Attack, Weight = r.Attack ? positiveWeight : 1 }), schema);
        IEstimator<ITransformer> trainer = algorithm == AnomalyModel.Logistic
            ? ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new Microsoft.ML.Trainers.LbfgsLogisticRegressionBinaryTrainer.Options
            {
                FeatureColumnName = nameof(Row.Features),
                LabelColumnName = nameof(Row.Label),
                ExampleWeightColumnName = nameof(Row.Weight),
                L2Regularization = 0.1f,
                NumberOfThreads = 1,
            })
            : ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
            {
                FeatureColumnName = nameof(Row.Features),
                LabelColumnName = nameof(Row.Label),
                ExampleWeightColumnName = nameof(Row.Weight),
                NumberOfTrees = settings.Trees,
                NumberOfLeaves = settings.Leaves,
                MinimumExampleCountPerLeaf = 50,
                LearningRate = 0.1,
                Seed = settings.Seed,
                NumberOfThreads = 1,
            });
        var transformer = trainer.Fit(data);
        var draft = new ModelCard { Features = FeatureNames.All, Algorithm = algorithm };
        var model = AnomalyModel.FromTransformer(transformer, draft);
        var benignCalibration = calibration.Where(r => !r.Attack).Select(r => new TrainingRow(r.Principal, r.Time, r.Vector)).ToList();
        var scores = benignCalibration.Select(r => model.Score(r.Vector)).ToArray();
        var (threshold, principalDays) = Calibrate(benignCalibration, scores, settings.AlertBudgetPerThousandPrincipalDays);
        var card = draft with
        {
            ModelVersion = DateTimeOffset.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'"),
            Rank = model.Trees?.Trees ?? 0,
            TrainedAt = DateTimeOffset.UtcNow,
            TrainingSource = source,
            TrainingRecords = rows.Count,
            ScoredRows = sample.Count,
            Threshold = threshold,
            Score = model.Trees is not null
                ? "the boosted trees' margin (log-odds of attack against benign); each feature's part is the fall in score without it"
                : "the logistic regression's margin (log-odds of attack against benign); each feature's part is its weight times its value",
            ThresholdRule = $"highest benign principal-day score on held-out simulations allowing {settings.AlertBudgetPerThousandPrincipalDays} alerting principal-days per 1,000",
            Metrics = new Dictionary<string, double>
            {
                ["attackRows"] = attacks,
                ["benignRowsKept"] = kept,
                ["positiveWeight"] = positiveWeight,
                ["calibrationPrincipalDays"] = principalDays,
            },
        };
        return new TrainedModel(ml, transformer, data.Schema, model.Trees is not null ? new AnomalyModel(card, model.Trees) : new AnomalyModel(card, model.Weights!.ToArray(), Bias(model)));
    }
}
