using ActivityWatch.Anomalies.Features;
using ActivityWatch.Anomalies.Model;

namespace ActivityWatch.Anomalies.Scoring;

/// <summary>
/// Features, then the model, then (for anomalies only) the top contributing features in words.
/// A record whose principal is still warming up, or that matches analyst feedback, never alerts.
/// </summary>
public sealed class AnomalyScorer(ActivityFeaturizer featurizer)
{
    /// <summary>At most this many features explain an alert; each must carry a tenth of the score.</summary>
    public const int MaxReasons = 3;

    public ActivityFeaturizer Featurizer { get; } = featurizer;

    public ScoredActivity Score(in ActivityFacts facts, AnomalyModel? model, double threshold, Func<string, string, bool>? suppressed = null)
    {
        if (model is null)
        {
            Featurizer.Featurize(facts);
            return new ScoredActivity(facts, 0, threshold, false, [], "", "");
        }
        var residual = new float[FeatureNames.Count];
        float score = 0;
        IReadOnlyList<string> top = [];
        var signature = "";
        string? attackClass = null;
        var principal = facts.Principal;
        var featurized = Featurizer.Featurize(facts, vector =>
        {
            score = model.Residual(vector, residual);
            if (score < threshold) return false;
            if (model.Trees is not null || model.Weights is not null) model.Contributions(vector, residual);
            top = TopFeatures(residual, score);
            attackClass = model.ClassOf(vector);
            signature = AnomalySignature.Of(top);
            // A pattern the analyst accepted is learned like any normal record.
            return suppressed?.Invoke(principal, signature) != true;
        });
        if (!featurized.Warm || score < threshold) return new ScoredActivity(facts, score, threshold, false, [], "", "");
        if (suppressed?.Invoke(facts.Principal, signature) == true)
            return new ScoredActivity(facts, score, threshold, false, top, "", signature);
        var profile = Featurizer.Profiles.GetOrCreate(facts.Principal);
        var words = AnomalyExplanation.Describe(facts, profile, top);
        // The attack-class model says which quiet attack the record resembles: the analyst's first question.
        if (attackClass is not null) words = $"resembles {attackClass.Replace('-', ' ')}: {words}";
        return new ScoredActivity(facts, score, threshold, true, top, words, signature);
    }

    public static IReadOnlyList<string> TopFeatures(ReadOnlySpan<float> residual, float score)
    {
        var ranked = new List<(float Share, string Name)>();
        // The parts' own total: for PCA it is score squared, for the classifier the parts are score drops.
        float total = 0;
        foreach (var part in residual) if (part > 0) total += part * part;
        if (total <= 0) return [];
        for (var i = 0; i < residual.Length; i++)
        {
            if (residual[i] <= 0) continue;
            var share = residual[i] * residual[i] / total;
            if (share >= 0.1f) ranked.Add((share, FeatureNames.All[i]));
        }
        return ranked.OrderByDescending(r => r.Share).Take(MaxReasons).Select(r => r.Name).ToList();
    }
}
