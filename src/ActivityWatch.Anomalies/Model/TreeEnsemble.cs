using Microsoft.ML.Trainers.FastTree;

namespace ActivityWatch.Anomalies.Model;

/// <summary>
/// A boosted tree ensemble (FastTree) read out of its ML.NET model into flat arrays, so scoring a
/// record is a few dozen comparisons with no allocation and no prediction engine. A node goes left
/// when its feature is at most the threshold; a negative child is a leaf, ~child its index
/// (RegressionTreeBase's documented layout). The raw score is the bias plus the weighted leaves.
/// </summary>
public sealed class TreeEnsemble
{
    private readonly Tree[] _trees;
    private readonly double _bias;

    private sealed record Tree(int[] Left, int[] Right, int[] Feature, float[] Threshold, double[] Leaves, double Weight);

    private TreeEnsemble(Tree[] trees, double bias)
    {
        _trees = trees;
        _bias = bias;
    }

    public int Trees => _trees.Length;

    public static TreeEnsemble From(TreeEnsembleModelParametersBasedOnRegressionTree model)
    {
        var ensemble = model.TrainedTreeEnsemble;
        var trees = new Tree[ensemble.Trees.Count];
        for (var t = 0; t < trees.Length; t++)
        {
            var tree = ensemble.Trees[t];
            if (tree.CategoricalSplitFlags.Any(c => c)) throw new InvalidDataException("Categorical splits are not supported: the features are numeric.");
            trees[t] = new Tree(tree.LeftChild.ToArray(), tree.RightChild.ToArray(), tree.NumericalSplitFeatureIndexes.ToArray(),
                tree.NumericalSplitThresholds.ToArray(), tree.LeafValues.ToArray(), ensemble.TreeWeights[t]);
        }
        return new TreeEnsemble(trees, ensemble.Bias);
    }

    public double Raw(ReadOnlySpan<float> features)
    {
        var sum = _bias;
        foreach (var tree in _trees)
        {
            if (tree.Leaves.Length == 1)
            {
                sum += tree.Weight * tree.Leaves[0];
                continue;
            }
            var node = 0;
            while (node >= 0)
            {
                var feature = tree.Feature[node];
                var value = (uint)feature < (uint)features.Length ? features[feature] : 0f;
                node = value <= tree.Threshold[node] ? tree.Left[node] : tree.Right[node];
            }
            sum += tree.Weight * tree.Leaves[~node];
        }
        return sum;
    }
}
