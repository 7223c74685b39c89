using ActivityWatch.Simulation.Estate;
using ActivityWatch.Anomalies.Features;
using ActivityWatch.Anomalies.Model;
using ActivityWatch.Anomalies.Profiles;

namespace ActivityWatch.Training.Evaluation;

/// <summary>The test period replayed as live: profiles carry on from history, flagged records are not learned.</summary>
public static class DetectorReplay
{
    public static List<TestRow> Model(SimulatedEstate estate, ProfileBook afterHistory, AnomalyModel model, double threshold)
    {
        var featurizer = new ActivityFeaturizer(ProfileSnapshot.Copy(afterHistory));
        var rows = new List<TestRow>(estate.Test.Count);
        foreach (var (facts, scenario) in estate.Test)
        {
            float score = 0;
            var featurized = featurizer.Featurize(facts, vector => (score = model.Score(vector)) >= threshold);
            rows.Add(new TestRow(facts.Principal, facts.Time, scenario, featurized.Warm, featurized.Warm && score >= threshold)
            {
                Score = featurized.Warm ? score : float.MinValue,
                Action = facts.Action,
                Vector = featurized.Warm && (scenario is not null || score >= threshold) ? featurized.Vector : null,
            });
        }
        return rows;
    }

    /// <summary>The rarity baseline: a warm principal making a call it never made before. It learns every record.</summary>
    public static List<TestRow> Rarity(SimulatedEstate estate, ProfileBook afterHistory)
    {
        var seen = new HashSet<(string, string)>(afterHistory.All.SelectMany(p => p.Apis.Keys.Select(api => (p.Id, api))));
        var featurizer = new ActivityFeaturizer(ProfileSnapshot.Copy(afterHistory));
        var rows = new List<TestRow>(estate.Test.Count);
        foreach (var (facts, scenario) in estate.Test)
        {
            var featurized = featurizer.Featurize(facts);
            var neverMade = seen.Add((facts.Principal, facts.Action));
            rows.Add(new TestRow(facts.Principal, facts.Time, scenario, featurized.Warm, featurized.Warm && neverMade));
        }
        return rows;
    }

    /// <summary>Labelled rows for the classifier: history as benign, the test period with attack records
    /// featurized as if flagged (not learned), as they would be live once caught.</summary>
    public static List<LabelledRow> Labelled(SimulatedEstate estate)
    {
        var set = new TrainingSet();
        foreach (var facts in estate.History) set.Add(facts);
        var rows = set.Rows.Select(r => new LabelledRow(r.Principal, r.Time, r.Vector, false)).ToList();
        foreach (var (facts, scenario) in estate.Test)
        {
            var featurized = set.Featurizer.Featurize(facts, _ => scenario is not null);
            if (!featurized.Warm) continue;
            // An attack record with nothing unusual about it (the victim's usual call before the burst builds up)
            // would only teach the trees that ordinary records are attacks: it is left out, not called benign.
            if (scenario is not null && !Unusual(featurized.Vector)) continue;
            rows.Add(new LabelledRow(facts.Principal, facts.Time, featurized.Vector, scenario is not null, scenario, scenario is null ? null : EstateAttackKinds.KindOf(scenario)));
        }
        return rows;
    }

    private static readonly int[] Contextual = [FeatureNames.IndexOf(FeatureNames.AccessLevel), FeatureNames.IndexOf(FeatureNames.ProfileYoung)];

    private static bool Unusual(float[] vector)
    {
        for (var i = 0; i < vector.Length; i++)
        {
            if (vector[i] >= 0.3f && Array.IndexOf(Contextual, i) < 0) return true;
        }
        return false;
    }
}
