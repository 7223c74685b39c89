using ActivityWatch.Anomalies.Features;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;

namespace ActivityWatch.Anomalies.Model;

/// <summary>
/// A trained model loaded from its .zip, with its card: RandomizedPca trained on benign history, or
/// a FastTree classifier trained on labelled simulations (see <see cref="ModelCard.Algorithm"/>).
/// For the classifier the score is its raw margin (log-odds, unbounded: no saturation near 1) and each feature's part is how
/// much the score falls when that feature is set to zero (computed for anomalies only).
/// For PCA: ML.NET's own PCA score is
/// the residual divided by the distance to the mean (see PcaModelParameters.Score), so a tiny
/// deviation in an unexplained direction scores as high as a large one; we score the residual's
/// length instead, from the same eigenvectors and mean, and only where a feature is higher
/// than its reconstruction (our features all say "more unusual" when higher). The per-feature
/// residuals are the explanation.
/// </summary>
public sealed class AnomalyModel
{
    public const string Pca = "RandomizedPca";
    public const string FastTree = "FastTreeBinary";
    public const string Logistic = "LbfgsLogisticRegression";
    public const string AttackClasses = "LbfgsMaximumEntropy";

    /// <summary>The attack-class model's name for activity that is no attack.</summary>
    public const string Benign = "benign";

    private readonly float[][] _eigenVectors;
    private readonly float[] _mean;
    private readonly TreeEnsemble? _trees;
    private readonly float[]? _weights;
    private readonly float _bias;

    public AnomalyModel(ModelCard card, float[][] eigenVectors, float[] mean)
    {
        if (!card.Features.SequenceEqual(FeatureNames.All))
            throw new InvalidDataException($"The model was trained on features [{string.Join(", ", card.Features)}], not this version's.");
        Card = card;
        _eigenVectors = eigenVectors;
        _mean = mean;
        _scale = card.FeatureWeights is { } weights && weights.Count == FeatureNames.Count ? weights.Select(w => (float)w).ToArray() : null;
    }

    private readonly float[]? _scale;

    public AnomalyModel(ModelCard card, TreeEnsemble trees) : this(card, [], new float[FeatureNames.Count]) => _trees = trees;

    /// <summary>
    /// The attack-class model: per attack class, the weights and bias of its margin over benign (multinomial
    /// logistic regression's class score minus the benign class's), and that margin's own threshold. The
    /// score is the highest margin above its threshold, so the model alerts at 0 and says which class it saw.
    /// </summary>
    private AnomalyModel(ModelCard card, string[] classes, float[][] classWeights, float[] classBias, float[] classThresholds) : this(card, [], new float[FeatureNames.Count])
    {
        _classNames = classes;
        _classWeights = classWeights;
        _classBias = classBias;
        _classThresholds = classThresholds;
    }

    private readonly string[] _classNames = [];
    private readonly float[][]? _classWeights;
    private readonly float[] _classBias = [];
    private readonly float[] _classThresholds = [];

    /// <summary>The attack-class model's attack classes (null for the others).</summary>
    public IReadOnlyList<string>? Classes => _classWeights is null ? null : _classNames;

    /// <summary>Each attack class's margin over benign, before its threshold (for calibration).</summary>
    public float[] ClassMargins(ReadOnlySpan<float> features)
    {
        var margins = new float[_classNames.Length];
        for (var c = 0; c < margins.Length; c++) margins[c] = Margin(c, features);
        return margins;
    }

    /// <summary>Class <paramref name="c"/>'s margin over benign: its log-odds against benign activity.</summary>
    private float Margin(int c, ReadOnlySpan<float> features)
    {
        var w = _classWeights![c];
        var sum = _classBias[c];
        for (var i = 0; i < w.Length && i < features.Length; i++) sum += w[i] * features[i];
        return sum;
    }

    public AnomalyModel(ModelCard card, float[] weights, float bias) : this(card, [], new float[FeatureNames.Count])
    {
        if (weights.Length != FeatureNames.Count) throw new InvalidDataException($"The linear model has {weights.Length} weights, not {FeatureNames.Count}.");
        _weights = weights;
        _bias = bias;
    }

    /// <summary>A linear classifier's weights (null for PCA and trees): each feature's part is weight times value.</summary>
    public IReadOnlyList<float>? Weights => _weights;

    public TreeEnsemble? Trees => _trees;

    public ModelCard Card { get; }

    public int Rank => _eigenVectors.Length;

    public float[][] EigenVectors => _eigenVectors;

    public float[] Mean => _mean;

    public static AnomalyModel Load(MLContext ml, string zipPath, ModelCard card)
    {
        var transformer = ml.Model.Load(zipPath, out _);
        return FromTransformer(transformer, card);
    }

    public static AnomalyModel FromTransformer(ITransformer transformer, ModelCard card)
    {
        if (FindTrees(transformer) is { } trees) return new AnomalyModel(card with { Algorithm = FastTree }, TreeEnsemble.From(trees));
        if (FindMulticlass(transformer) is { } multiclass) return FromMulticlass(multiclass, card);
        if (FindLinear(transformer) is { } linear)
        {
            var weights = new float[FeatureNames.Count];
            var values = linear.Weights;
            for (var i = 0; i < weights.Length && i < values.Count; i++) weights[i] = values[i];
            return new AnomalyModel(card with { Algorithm = Logistic }, weights, linear.Bias);
        }
        var pca = Find(transformer) ?? throw new InvalidDataException("The model holds no RandomizedPca or FastTree predictor.");
        VBuffer<float>[] vectors = [];
        pca.GetEigenVectors(ref vectors, out var rank);
        var mean = default(VBuffer<float>);
        pca.GetMean(ref mean);
        var eigen = new float[rank][];
        for (var i = 0; i < rank; i++) eigen[i] = vectors[i].DenseValues().ToArray();
        var meanValues = mean.Length == 0 ? new float[FeatureNames.Count] : mean.DenseValues().ToArray();
        return new AnomalyModel(card, eigen, meanValues);
    }

    public float Score(ReadOnlySpan<float> features)
    {
        if (_trees is not null) return (float)_trees.Raw(features);
        if (_weights is not null) return Linear(features, []);
        if (_classWeights is not null) return ClassMargin(features, out _);
        Span<float> residual = stackalloc float[_mean.Length];
        return Residual(features, residual);
    }

    /// <summary>The score, and each feature's residual (positive: higher than the model expects).</summary>
    public float Residual(ReadOnlySpan<float> features, Span<float> residual)
    {
        if (_trees is not null) return TreeScore(features, residual);
        if (_weights is not null) return Linear(features, residual);
        if (_classWeights is not null)
        {
            var margin = ClassMargin(features, out var best);
            ClassParts(best, features, residual);
            return margin;
        }
        var n = _mean.Length;
        for (var i = 0; i < n; i++) residual[i] = features[i] - _mean[i];
        Span<float> projection = stackalloc float[_eigenVectors.Length];
        for (var k = 0; k < _eigenVectors.Length; k++)
        {
            var v = _eigenVectors[k];
            float dot = 0;
            for (var i = 0; i < n; i++) dot += v[i] * residual[i];
            projection[k] = dot;
        }
        for (var k = 0; k < _eigenVectors.Length; k++)
        {
            var v = _eigenVectors[k];
            var p = projection[k];
            for (var i = 0; i < n; i++) residual[i] -= p * v[i];
        }
        float sum = 0;
        for (var i = 0; i < n; i++)
        {
            if (_scale is not null) residual[i] *= _scale[i];
            if (residual[i] > 0) sum += residual[i] * residual[i];
        }
        return MathF.Sqrt(sum);
    }

    /// <summary>The classifier's score; each feature's part only when asked for (the residual span is filled lazily by
    /// <see cref="Contributions"/>), since per-record ablation would cost a tree walk per feature.</summary>
    private float TreeScore(ReadOnlySpan<float> features, Span<float> residual)
    {
        residual.Clear();
        return (float)_trees!.Raw(features);
    }

    /// <summary>The margin, and each feature's part of it (weight times value) when a span is given.</summary>
    private float Linear(ReadOnlySpan<float> features, Span<float> parts)
    {
        var sum = _bias;
        for (var i = 0; i < _weights!.Length && i < features.Length; i++)
        {
            var part = _weights[i] * features[i];
            if (parts.Length > i) parts[i] = part;
            sum += part;
        }
        return sum;
    }

    /// <summary>The highest class margin over its threshold, and which class that is.</summary>
    private float ClassMargin(ReadOnlySpan<float> features, out int best)
    {
        best = 0;
        var top = float.NegativeInfinity;
        for (var c = 0; c < _classWeights!.Length; c++)
        {
            var above = Margin(c, features) - _classThresholds[c];
            if (above > top) { top = above; best = c; }
        }
        return top;
    }

    private void ClassParts(int c, ReadOnlySpan<float> features, Span<float> parts)
    {
        var w = _classWeights![c];
        for (var i = 0; i < parts.Length && i < w.Length && i < features.Length; i++) parts[i] = w[i] * features[i];
    }

    /// <summary>The attack class whose margin is highest for these features (null for the other models).</summary>
    public string? ClassOf(ReadOnlySpan<float> features)
    {
        if (_classWeights is null) return null;
        ClassMargin(features, out var best);
        return _classNames[best];
    }

    /// <summary>How much each feature carries the score: the fall in score when it alone is set to zero.</summary>
    public void Contributions(ReadOnlySpan<float> features, Span<float> parts)
    {
        if (_weights is not null)
        {
            Linear(features, parts);
            return;
        }
        if (_classWeights is not null)
        {
            ClassMargin(features, out var best);
            ClassParts(best, features, parts);
            return;
        }
        if (_trees is null)
        {
            Residual(features, parts);
            return;
        }
        var score = _trees.Raw(features);
        Span<float> copy = stackalloc float[features.Length];
        features.CopyTo(copy);
        for (var i = 0; i < features.Length; i++)
        {
            if (features[i] <= 0) { parts[i] = 0; continue; }
            copy[i] = 0;
            parts[i] = (float)Math.Max(0, score - _trees.Raw(copy));
            copy[i] = features[i];
        }
    }

    private static TreeEnsembleModelParametersBasedOnRegressionTree? FindTrees(ITransformer transformer) => transformer switch
    {
        ISingleFeaturePredictionTransformer<object> { Model: var model } => model switch
        {
            TreeEnsembleModelParametersBasedOnRegressionTree trees => trees,
            // A binary trainer wraps its trees in a calibrator: the generic SubModel property holds them.
            // (the generic class hides its base's SubModel, so there are two properties of that name).
            Microsoft.ML.Calibrators.CalibratedModelParametersBase calibrated => calibrated.GetType().GetProperties()
                .Where(p => p.Name == "SubModel").Select(p => p.GetValue(calibrated)).OfType<TreeEnsembleModelParametersBasedOnRegressionTree>().FirstOrDefault(),
            _ => null,
        },
        IEnumerable<ITransformer> chain => chain.Select(FindTrees).LastOrDefault(p => p is not null),
        _ => null,
    };

    /// <summary>
    /// The card lists the classes in ML.NET's key order, benign among them, and the thresholds in the same
    /// order (benign's unused); the model keeps each attack class's margin over benign.
    /// </summary>
    private static AnomalyModel FromMulticlass(MaximumEntropyModelParameters multiclass, ModelCard card)
    {
        VBuffer<float>[] weights = [];
        multiclass.GetWeights(ref weights, out var count);
        var biases = multiclass.GetBiases().ToArray();
        var all = card.Classes ?? throw new InvalidDataException("The attack-class model's card does not list its classes.");
        if (all.Count != count) throw new InvalidDataException($"The attack-class model has {count} classes, its card {all.Count}.");
        var benign = all.ToList().IndexOf(Benign);
        if (benign < 0) throw new InvalidDataException("The attack-class model has no benign class.");
        var dense = new float[count][];
        for (var c = 0; c < count; c++)
        {
            dense[c] = new float[FeatureNames.Count];
            var values = weights[c].DenseValues().ToArray();
            Array.Copy(values, dense[c], Math.Min(values.Length, FeatureNames.Count));
        }
        var classes = new List<string>();
        var classWeights = new List<float[]>();
        var classBias = new List<float>();
        var thresholds = new List<float>();
        for (var c = 0; c < count; c++)
        {
            if (c == benign) continue;
            classes.Add(all[c]);
            classWeights.Add(dense[c].Select((w, i) => w - dense[benign][i]).ToArray());
            classBias.Add(biases[c] - biases[benign]);
            thresholds.Add(card.ClassThresholds is { } t && t.Count == count ? (float)t[c] : 0);
        }
        return new AnomalyModel(card with { Algorithm = AttackClasses }, classes.ToArray(), classWeights.ToArray(), classBias.ToArray(), thresholds.ToArray());
    }

    private static MaximumEntropyModelParameters? FindMulticlass(ITransformer transformer) => transformer switch
    {
        IPredictionTransformer<object> { Model: MaximumEntropyModelParameters model } => model,
        IEnumerable<ITransformer> chain => chain.Select(FindMulticlass).LastOrDefault(p => p is not null),
        _ => null,
    };

    private static LinearBinaryModelParameters? FindLinear(ITransformer transformer) => transformer switch
    {
        ISingleFeaturePredictionTransformer<object> { Model: var model } => model switch
        {
            LinearBinaryModelParameters linear => linear,
            Microsoft.ML.Calibrators.CalibratedModelParametersBase calibrated => calibrated.GetType().GetProperties()
                .Where(p => p.Name == "SubModel").Select(p => p.GetValue(calibrated)).OfType<LinearBinaryModelParameters>().FirstOrDefault(),
            _ => null,
        },
        IEnumerable<ITransformer> chain => chain.Select(FindLinear).LastOrDefault(p => p is not null),
        _ => null,
    };

    // A freshly trained transformer and one loaded from a .zip differ in their generic types:
    // look through the covariant interfaces instead.
    private static PcaModelParameters? Find(ITransformer transformer) => transformer switch
    {
        IPredictionTransformer<object> { Model: PcaModelParameters pca } => pca,
        IEnumerable<ITransformer> chain => chain.Select(Find).LastOrDefault(p => p is not null),
        _ => null,
    };
}
