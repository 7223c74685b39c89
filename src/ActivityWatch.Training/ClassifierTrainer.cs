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
        return dayMax.Count == 0 ? (0, 0) : (HighestNotAllowed(dayMax.Values, budget) + 0.01, dayMax.Count);
    }

    /// <summary>The highest benign principal-day score the budget (alerting principal-days per 1,000) does not allow.</summary>
    private static float HighestNotAllowed(IEnumerable<float> dayMaxima, double budget)
    {
        var sorted = dayMaxima.OrderByDescending(s => s).ToArray();
        if (sorted.Length == 0) return 0;
        var allowed = (int)Math.Floor(budget * sorted.Length / 1000.0);
        return sorted[Math.Min(allowed, sorted.Length - 1)];
    }

    private const string ClassKey = "ClassKey";

    /// <summary>
    /// Each attack class's threshold on its margin, from held-out estates: above the highest benign
    /// principal-day the budget does not allow, and halfway from there to the lowest attack of the class
    /// that clears it, so a slightly odder benign day elsewhere does not cross it. In the card's class order.
    /// </summary>
    private static (double[] Thresholds, long PrincipalDays) CalibrateClasses(AnomalyModel model, IReadOnlyList<string> all, IReadOnlyList<LabelledRow> calibration, double budget)
    {
        var attackClasses = model.Classes!;
        var benignDays = new Dictionary<(string, DateOnly), float[]>();
        var attackBest = new Dictionary<string, (string Kind, float[] Margins)>(StringComparer.Ordinal);
        foreach (var row in calibration)
        {
            var margins = model.ClassMargins(row.Vector);
            if (row.Attack)
            {
                var key = Instances.AttackOf(row);
                if (!attackBest.TryGetValue(key, out var best)) attackBest[key] = (row.Kind ?? "attack", margins);
                else for (var c = 0; c < margins.Length; c++) best.Margins[c] = Math.Max(best.Margins[c], margins[c]);
                continue;
            }
            var day = (row.Principal, DateOnly.FromDateTime(row.Time.UtcDateTime));
            if (!benignDays.TryGetValue(day, out var max)) benignDays[day] = margins;
            else for (var c = 0; c < margins.Length; c++) max[c] = Math.Max(max[c], margins[c]);
        }
        var byClass = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var c = 0; c < attackClasses.Count; c++)
        {
            var floor = HighestNotAllowed(benignDays.Values.Select(m => m[c]), budget);
            var caught = attackBest.Values.Where(a => a.Kind == attackClasses[c]).Select(a => a.Margins[c]).Where(m => m > floor).DefaultIfEmpty(floor + 0.02f).Min();
            byClass[attackClasses[c]] = floor + (caught - floor) / 2;
        }
        return (all.Select(name => byClass.GetValueOrDefault(name)).ToArray(), benignDays.Count);
    }

    private static float DefaultScore(float[] vector)
    {
        double sum = 0;
        for (var i = 0; i < vector.Length; i++) sum += FeatureNames.DefaultWeights[i] * vector[i];
        return (float)sum;
    }

    private static SchemaDefinition Schema()
    {
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, FeatureNames.Count);
        return schema;
    }

    /// <summary>Both classes carry the same total weight; every attack the same share of it, whatever its records.</summary>
    private (ITransformer Transformer, DataViewSchema Schema, IReadOnlyList<string>? Classes) Fit(MLContext ml, List<LabelledRow> chosen, string algorithm)
    {
        var perAttack = chosen.Where(r => r.Attack).GroupBy(Instances.AttackOf).ToDictionary(g => g.Key, g => g.Count());
        var benign = chosen.Count(r => !r.Attack);
        var attackWeight = (double)benign / Math.Max(1, perAttack.Count);
        var training = new List<Row>(chosen.Count * 2);
        foreach (var row in chosen)
        {
            if (!row.Attack)
            {
                training.Add(new Row { Features = row.Vector, Label = false, Class = AnomalyModel.Benign, Weight = 1 });
                continue;
            }
            var copies = Instances.WithoutOneSignal(row.Vector).ToList();
            var weight = (float)(attackWeight / perAttack[Instances.AttackOf(row)] / copies.Count);
            training.AddRange(copies.Select(vector => new Row { Features = vector, Label = true, Class = row.Kind ?? "attack", Weight = weight }));
        }
        var data = ml.Data.LoadFromEnumerable(training, Schema());
        if (algorithm == AnomalyModel.AttackClasses)
        {
            // The class names become keys before training, outside the saved model: it scores features alone.
            var mapping = ml.Transforms.Conversion.MapValueToKey(ClassKey, nameof(Row.Class), keyOrdinality: Microsoft.ML.Transforms.ValueToKeyMappingEstimator.KeyOrdinality.ByValue).Fit(data);
            var keyed = mapping.Transform(data);
            var keys = default(VBuffer<ReadOnlyMemory<char>>);
            keyed.Schema[ClassKey].GetKeyValues(ref keys);
            var multiclass = ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new Microsoft.ML.Trainers.LbfgsMaximumEntropyMulticlassTrainer.Options
            {
                FeatureColumnName = nameof(Row.Features),
                LabelColumnName = ClassKey,
                ExampleWeightColumnName = nameof(Row.Weight),
                L1Regularization = 0f,
                L2Regularization = settings.ClassL2,
                NumberOfThreads = 1,
            }).Fit(keyed);
            return (multiclass, data.Schema, keys.DenseValues().Select(k => k.ToString()).ToList());
        }
        IEstimator<ITransformer> trainer = algorithm == AnomalyModel.Logistic
            ? ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new Microsoft.ML.Trainers.LbfgsLogisticRegressionBinaryTrainer.Options
            {
                FeatureColumnName = nameof(Row.Features),
                LabelColumnName = nameof(Row.Label),
                ExampleWeightColumnName = nameof(Row.Weight),
                // No L1: it keeps one of several redundant signals (a new client, say) and drops the rest (a
                // long-term key from a cloud network), and an attacker who copies the client then walks past.
                L1Regularization = 0f,
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
                MinimumExampleCountPerLeaf = 10,
                LearningRate = 0.1,
                Seed = settings.Seed,
                NumberOfThreads = 1,
            });
        return (trainer.Fit(data), data.Schema, null);
    }

    private sealed class Row
    {
        public float[] Features { get; set; } = [];
        public bool Label { get; set; }
        public string Class { get; set; } = AnomalyModel.Benign;
        public float Weight { get; set; }
    }

    /// <param name="algorithm"><see cref="AnomalyModel.FastTree"/>, <see cref="AnomalyModel.Logistic"/> or <see cref="AnomalyModel.AttackClasses"/>.</param>
    public TrainedModel Train(IReadOnlyList<LabelledRow> rows, IReadOnlyList<LabelledRow> calibration, string source, string algorithm = AnomalyModel.FastTree)
    {
        var attacks = rows.Count(r => r.Attack);
        if (attacks == 0 || attacks == rows.Count) throw new InvalidOperationException("The classifier needs attack and benign rows.");
        var ml = new MLContext(seed: settings.Seed);
        // Multiple-instance learning: an attack is caught when its most telling record alerts, and a benign
        // principal-day costs a false alert when its most unusual record does. So the model learns from
        // exactly those: each attack's best records against each benign principal-day's best, chosen first
        // by the feature weights PCA uses, then by the model itself for a few rounds. Trained on every
        // record instead, it learned what most attack records look like (the thousand reads of a bulk read)
        // and little of what the one StopLogging of a guardrail attack looks like.
        Func<float[], float> score = DefaultScore;
        ITransformer? transformer = null;
        DataViewSchema? schema = null;
        IReadOnlyList<string>? classes = null;
        List<LabelledRow> chosen = [];
        for (var round = 0; round < settings.InstanceRounds; round++)
        {
            chosen = Instances.Best(rows, score, settings.AttackInstances, settings.BenignDayInstances);
            (transformer, schema, classes) = Fit(ml, chosen, algorithm);
            var fitted = AnomalyModel.FromTransformer(transformer, new ModelCard { Features = FeatureNames.All, Algorithm = algorithm, Classes = classes });
            score = vector => fitted.Score(vector);
        }
        var positives = chosen.Count(r => r.Attack);
        var kept = chosen.Count - positives;
        var draft = new ModelCard { Features = FeatureNames.All, Algorithm = algorithm, Classes = classes };
        var model = AnomalyModel.FromTransformer(transformer!, draft);
        var benignCalibration = calibration.Where(r => !r.Attack).Select(r => new TrainingRow(r.Principal, r.Time, r.Vector)).ToList();
        double threshold;
        long principalDays;
        if (model.Classes is not null)
        {
            // Each class carries its own threshold; the model alerts at 0.
            (var classThresholds, principalDays) = CalibrateClasses(model, classes!, calibration, settings.AlertBudgetPerThousandPrincipalDays);
            draft = draft with { ClassThresholds = classThresholds };
            model = AnomalyModel.FromTransformer(transformer!, draft);
            threshold = 0;
        }
        else
        {
            var scores = benignCalibration.Select(r => model.Score(r.Vector)).ToArray();
            (threshold, principalDays) = Calibrate(benignCalibration, scores, settings.AlertBudgetPerThousandPrincipalDays);
        }
        var card = draft with
        {
            ModelVersion = DateTimeOffset.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'"),
            Rank = model.Trees?.Trees ?? 0,
            TrainedAt = DateTimeOffset.UtcNow,
            TrainingSource = source,
            TrainingRecords = rows.Count,
            ScoredRows = chosen.Count,
            Threshold = threshold,
            Score = model.Classes is not null
                ? "the highest attack class's margin over benign (multinomial logistic regression's log-odds) less that class's own threshold; each feature's part is the class weight times its value"
                : model.Trees is not null
                ? "the boosted trees' margin (log-odds of attack against benign); each feature's part is the fall in score without it"
                : "the logistic regression's margin (log-odds of attack against benign); each feature's part is its weight times its value",
            ThresholdRule = model.Classes is not null
                ? $"per attack class, on held-out simulations: halfway between the highest benign principal-day margin (allowing {settings.AlertBudgetPerThousandPrincipalDays} per 1,000) and the lowest caught attack above it; the model alerts at 0"
                : $"highest benign principal-day score on held-out simulations allowing {settings.AlertBudgetPerThousandPrincipalDays} alerting principal-days per 1,000",
            Metrics = new Dictionary<string, double>
            {
                ["attackRows"] = attacks,
                ["attackInstances"] = positives,
                ["benignInstances"] = kept,
                ["calibrationPrincipalDays"] = principalDays,
            },
        };
        return new TrainedModel(ml, transformer!, schema!, AnomalyModel.FromTransformer(transformer!, card));
    }
}
