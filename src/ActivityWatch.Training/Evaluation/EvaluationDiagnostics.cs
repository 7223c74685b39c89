using System.Globalization;
using ActivityWatch.Anomalies.Features;
using ActivityWatch.Anomalies.Model;
using ActivityWatch.Anomalies.Profiles;
using ActivityWatch.Anomalies.Scoring;
using ActivityWatch.Simulation.Estate;

namespace ActivityWatch.Training.Evaluation;

/// <summary>
/// For tuning (ACTIVITYWATCH_EVALUATION_DIAGNOSTICS=1): each attack's best-scoring record and each
/// false alert's first record, with the features that carried the score.
/// </summary>
public static class EvaluationDiagnostics
{
    public static void Report(string detector, IReadOnlyList<TestRow> rows, SimulatedEstate estate, AnomalyModel model, IProgress<string> log)
    {
        var threshold = model.Card.Threshold;
        for (var i = 0; i < estate.Attacks.Count; i++)
        {
            var id = EstateAttackKinds.ScenarioId(i, estate.Attacks[i].Kind);
            var best = rows.Where(r => r.Scenario == id).OrderByDescending(r => r.Score).FirstOrDefault();
            if (best is null) { log.Report($"{detector} {id}: no records"); continue; }
            log.Report($"{detector} {id} v{estate.Attacks[i].Variant} {Short(best.Principal)}: best {best.Score.ToString("0.00", CultureInfo.InvariantCulture)} / {threshold.ToString("0.00", CultureInfo.InvariantCulture)} on {best.Action} warm={best.Warm} [{Features(model, best.Vector)}]");
        }
        var last = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var row in rows.Where(r => r.Flagged))
        {
            var fresh = !last.TryGetValue(row.Principal, out var at) || row.Time - at > TimeSpan.FromHours(1);
            last[row.Principal] = row.Time;
            if (fresh && row.Scenario is null)
                log.Report($"{detector} false {Short(row.Principal)} {row.Time:MM-dd HH:mm} {row.Action} {row.Score.ToString("0.00", CultureInfo.InvariantCulture)} [{Features(model, row.Vector)}]");
        }
    }

    /// <summary>The benign principal-days of history that score highest: they set the threshold.</summary>
    public static void HistoryTail(string detector, TrainingSet history, AnomalyModel model, IProgress<string> log)
    {
        var top = history.Rows.Select(r => (Row: r, Score: model.Score(r.Vector)))
            .GroupBy(x => (x.Row.Principal, DateOnly.FromDateTime(x.Row.Time.UtcDateTime)))
            .Select(g => g.MaxBy(x => x.Score)).OrderByDescending(x => x.Score).Take(10);
        foreach (var (row, score) in top)
            log.Report($"{detector} history-tail {Short(row.Principal)} {row.Time:MM-dd HH:mm} {score.ToString("0.00", CultureInfo.InvariantCulture)} [{Features(model, row.Vector)}]");
    }

    /// <summary>Per feature: benign principal-days of the test period where it reached 0.5, and attacks where it did.</summary>
    public static void FeatureRates(SimulatedEstate estate, ProfileBook afterHistory, IProgress<string> log)
    {
        var featurizer = new ActivityFeaturizer(ProfileSnapshot.Copy(afterHistory));
        var benignDays = new HashSet<(int, string, DateOnly)>();
        var attacks = new HashSet<(int, string)>();
        var allDays = new HashSet<(string, DateOnly)>();
        foreach (var (facts, scenario) in estate.Test)
        {
            var featurized = featurizer.Featurize(facts, _ => scenario is not null);
            if (!featurized.Warm) continue;
            var day = DateOnly.FromDateTime(facts.Time.UtcDateTime);
            if (scenario is null) allDays.Add((facts.Principal, day));
            for (var i = 0; i < featurized.Vector.Length; i++)
            {
                if (featurized.Vector[i] < 0.5f) continue;
                if (scenario is not null)
                {
                    attacks.Add((i, scenario));
                    continue;
                }
                if (benignDays.Add((i, facts.Principal, day)) && Environment.GetEnvironmentVariable("ACTIVITYWATCH_EVALUATION_FEATURE") == FeatureNames.All[i])
                    log.Report($"benign {FeatureNames.All[i]}={featurized.Vector[i]:0.00} {Short(facts.Principal)} {facts.Time:MM-dd HH:mm} {facts.Action} [{string.Join(", ", featurized.Vector.Select((v, k) => (v, k)).Where(x => x.v >= 0.3f).Select(x => $"{FeatureNames.All[x.k]}={x.v:0.00}"))}]");
            }
        }
        for (var i = 0; i < FeatureNames.Count; i++)
            log.Report($"feature {FeatureNames.All[i]}: benign principal-days {benignDays.Count(x => x.Item1 == i)} of {allDays.Count}; attacks {string.Join(",", attacks.Where(x => x.Item1 == i).Select(x => x.Item2[10..]).GroupBy(k => k).Select(g => $"{g.Key}={g.Count()}"))}");
    }

    private static string Short(string principal) => AnomalyExplanation.ShortName(principal);

    private static string Features(AnomalyModel model, float[]? vector)
    {
        if (vector is null) return "";
        var parts = new float[vector.Length];
        model.Contributions(vector, parts);
        return string.Join(", ", Enumerable.Range(0, vector.Length).Where(i => vector[i] > 0.05f)
            .OrderByDescending(i => parts[i]).Take(6)
            .Select(i => $"{FeatureNames.All[i]}={vector[i].ToString("0.00", CultureInfo.InvariantCulture)}({parts[i].ToString("0.00", CultureInfo.InvariantCulture)})"));
    }
}
