using System.Diagnostics;
using ActivityWatch.Anomalies.Model;

namespace ActivityWatch.Training.Evaluation;

/// <summary>
/// `activitywatch model evaluate`: estates from the estate generator, each with benign history and a
/// test period holding quiet attacks. Three detectors on each: RandomizedPca trained on that estate's
/// own history (what `model train` does on a real store), a FastTree classifier trained on labelled
/// estates of other seeds (never the evaluated ones) with only one variant of each attack, and the
/// rarity baseline. The detector that meets the goal with the fewest false alerts is picked; if none
/// does, the one with the best worst-estate recall.
/// </summary>
public static class EvaluationHarness
{
    public const string Pca = "pca";
    public const string Trees = "fasttree";
    public const string Logistic = "logistic";
    public const string Classes = "attack-classes";
    public const string Rarity = "rarity-baseline";

    public static async Task<(EvaluationResult Result, TrainedModel Picked)> RunAsync(EvaluationSettings settings, IProgress<string>? log = null, CancellationToken ct = default)
    {
        var watch = Stopwatch.StartNew();
        var classifiers = settings.Classifiers ? await TrainClassifiersAsync(settings, log, ct) : [];
        var seeds = new List<SeedResult>();
        TrainedModel? firstPca = null;
        foreach (var seed in settings.Seeds)
        {
            var estate = await SimulatedEstate.GenerateAsync(seed, settings, null, ct);
            var history = new TrainingSet();
            foreach (var facts in estate.History) history.Add(facts);
            var pca = new AnomalyTrainer(settings.Trainer).Train(history, $"estate seed {seed}, {settings.People} people, {settings.TrainDays} days");
            firstPca ??= pca;
            var models = classifiers.Select(c => (c.Name, (TrainedModel?)c.Model)).Append((Pca, pca)).ToArray();
            var results = new List<DetectorResult>();
            var diagnose = (Environment.GetEnvironmentVariable("ACTIVITYWATCH_EVALUATION_DIAGNOSTICS") ?? "").Split(',');
            foreach (var (name, trained) in models)
            {
                if (trained is null) continue;
                var rows = DetectorReplay.Model(estate, history.Featurizer.Profiles, trained.Model, trained.Model.Card.Threshold);
                if (log is not null && diagnose.Contains(name))
                {
                    EvaluationDiagnostics.HistoryTail(name, history, trained.Model, log);
                    EvaluationDiagnostics.Report(name, rows, estate, trained.Model, log);
                }
                results.Add(Measure(name, rows, estate, settings));
            }
            if (log is not null && diagnose.Contains("features")) EvaluationDiagnostics.FeatureRates(estate, history.Featurizer.Profiles, log);
            results.Add(Measure(Rarity, DetectorReplay.Rarity(estate, history.Featurizer.Profiles), estate, settings));
            var principals = estate.Test.Select(t => t.Facts.Principal).Concat(estate.History.Select(h => h.Principal)).Distinct().Count();
            seeds.Add(new SeedResult(seed, estate.History.Count, estate.Test.Count, principals, pca.Model.Card.Threshold, results));
            log?.Report($"seed {seed}: " + string.Join("; ", results.Select(r => $"{r.Detector} recall {r.Recall:0.00} false/1000 {r.FalseAlertsPerThousandPrincipalDays:0.00}")));
        }
        var draft = new EvaluationResult(settings, seeds, classifiers.Select(c => c.Model.Model.Card).ToList(), "", watch.Elapsed);
        var picked = Pick(draft);
        return (draft with { Picked = picked, Elapsed = watch.Elapsed }, classifiers.FirstOrDefault(c => c.Name == picked).Model ?? firstPca!);
    }

    /// <summary>The classifiers fit on all classifier seeds but the last and calibrate their thresholds on the last.</summary>
    public static async Task<List<(string Name, TrainedModel Model)>> TrainClassifiersAsync(EvaluationSettings settings, IProgress<string>? log, CancellationToken ct)
    {
        var fit = new List<LabelledRow>();
        var calibration = new List<LabelledRow>();
        for (var i = 0; i < settings.ClassifierSeeds.Count; i++)
        {
            var estate = await SimulatedEstate.GenerateAsync(settings.ClassifierSeeds[i], settings with { AttacksPerKind = settings.ClassifierAttacksPerKind }, settings.ClassifierVariant, ct);
            var rows = DetectorReplay.Labelled(estate);
            (i < settings.ClassifierSeeds.Count - 1 || settings.ClassifierSeeds.Count == 1 ? fit : calibration).AddRange(rows);
            log?.Report($"classifier seed {settings.ClassifierSeeds[i]}: {rows.Count:N0} rows, {rows.Count(r => r.Attack):N0} attack rows");
        }
        if (calibration.Count == 0) calibration = fit;
        var variant = settings.ClassifierVariant is { } v ? $"attack variant {v} only" : "both attack variants";
        var source = $"estate seeds {string.Join(", ", settings.ClassifierSeeds)} ({variant}, {settings.ClassifierAttacksPerKind} per class; threshold on seed {settings.ClassifierSeeds[^1]}), {settings.People} people, {settings.TrainDays}+{settings.TestDays} days";
        var trainer = new ClassifierTrainer(settings.Trainer);
        return
        [
            (Trees, trainer.Train(fit, calibration, source, AnomalyModel.FastTree)),
            (Logistic, trainer.Train(fit, calibration, source, AnomalyModel.Logistic)),
            (Classes, trainer.Train(fit, calibration, source, AnomalyModel.AttackClasses)),
        ];
    }

    private static DetectorResult Measure(string detector, List<TestRow> rows, SimulatedEstate estate, EvaluationSettings settings) =>
        AlertGrouping.Measure(detector, rows, estate.Attacks, settings.AlertWindow);

    private static string Pick(EvaluationResult result)
    {
        var models = result.Detectors.Where(d => d != Rarity).ToArray();
        var meeting = models.Where(result.MeetsGoal).OrderBy(result.MeanFalseAlertRate).ToList();
        if (meeting.Count > 0) return meeting[0];
        return models.OrderByDescending(d => result.Seeds[0][d].Scenarios.Min(x => result.WorstRecall(d, x.Kind)))
            .ThenByDescending(d => result.Seeds.Average(s => s[d].Recall) - 0.05 * result.MeanFalseAlertRate(d)).First();
    }
}
