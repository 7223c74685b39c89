using ActivityWatch.Detection.Features;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace ActivityWatch.Detection.Model;

/// <summary>
/// A trained RandomizedPca model loaded from its .zip, with its card. ML.NET's own PCA score is
/// the residual divided by the distance to the mean (see PcaModelParameters.Score), so a tiny
/// deviation in an unexplained direction scores as high as a large one; we score the residual's
/// length instead, from the same eigenvectors and mean, and only where a feature is higher
/// than its reconstruction (our features all say "more unusual" when higher). The per-feature
/// residuals are the explanation.
/// </summary>
public sealed class AnomalyModel
{
    private readonly float[][] _eigenVectors;
    private readonly float[] _mean;

    public AnomalyModel(ModelCard card, float[][] eigenVectors, float[] mean)
    {
        if (!card.Features.SequenceEqual(FeatureNames.All))
            throw new InvalidDataException($"The model was trained on features [{string.Join(", ", card.Features)}], not this version's.");
        Card = card;
        _eigenVectors = eigenVectors;
        _mean = mean;
    }

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
        var pca = Find(transformer) ?? throw new InvalidDataException("The model holds no RandomizedPca predictor.");
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
        Span<float> residual = stackalloc float[_mean.Length];
        return Residual(features, residual);
    }

    /// <summary>The score, and each feature's residual (positive: higher than the model expects).</summary>
    public float Residual(ReadOnlySpan<float> features, Span<float> residual)
    {
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
            if (residual[i] > 0) sum += residual[i] * residual[i];
        }
        return MathF.Sqrt(sum);
    }

    // A freshly trained transformer and one loaded from a .zip differ in their generic types:
    // look through the covariant interfaces instead.
    private static PcaModelParameters? Find(ITransformer transformer) => transformer switch
    {
        IPredictionTransformer<object> { Model: PcaModelParameters pca } => pca,
        IEnumerable<ITransformer> chain => chain.Select(Find).LastOrDefault(p => p is not null),
        _ => null,
    };
}
