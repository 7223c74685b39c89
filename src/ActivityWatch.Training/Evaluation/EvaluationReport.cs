using System.Globalization;
using System.Text;
using System.Text.Json;
using ActivityWatch.Anomalies.Model;

namespace ActivityWatch.Training.Evaluation;

/// <summary>The results tables (Markdown, as in ml-models/evaluation.md) and their JSON twin.</summary>
public static class EvaluationReport
{
    public static string Markdown(EvaluationResult result)
    {
        var s = result.Settings;
        var text = new StringBuilder();
        var first = result.Seeds[0];
        text.AppendLine("# Anomaly model evaluation").AppendLine();
        text.AppendLine(Invariant($"Estate generator, seeds {string.Join(", ", s.Seeds)}: {s.People} people each (about {first.Principals} principals with new hires, workloads and service roles); {s.TrainDays} days of benign history, then {s.TestDays} test days with {s.AttacksPerKind} injections of each of {first.Detectors[0].Scenarios.Count} quiet attack classes (variants 0 and 1 alternating). Records per estate: about {first.HistoryRecords:N0} history, {first.TestRecords:N0} test. Run time {result.Elapsed.TotalSeconds:0} s."));
        text.AppendLine();
        if (result.Classifiers.Count == 3)
        {
            var (trees, logistic, classes) = (result.Classifiers[0], result.Classifiers[1], result.Classifiers[2]);
            text.AppendLine(Invariant($"- The three classifiers learn from {trees.TrainingSource}: never an evaluated seed. They learn by multiple-instance learning: each injected attack's {s.Trainer.AttackInstances} best records (also with each strong signal left out in turn) against each benign principal-day's {s.Trainer.BenignDayInstances} best, chosen again by the model {s.Trainer.InstanceRounds} times."));
            text.AppendLine(Invariant($"- **fasttree**: FastTree boosted trees ({trees.Rank} trees of {s.Trainer.Leaves} leaves). Threshold {trees.Threshold:0.000}."));
            text.AppendLine(Invariant($"- **logistic**: L-BFGS logistic regression, attack against benign. Threshold {logistic.Threshold:0.000}."));
            text.AppendLine(Invariant($"- **attack-classes**: L-BFGS multinomial logistic regression, one class per attack class and one for benign; it alerts when an attack class's margin over benign passes that class's own threshold ({string.Join(", ", (classes.Classes ?? []).Zip(classes.ClassThresholds ?? []).Where(x => x.First != "benign").Select(x => Invariant($"{x.First} {x.Second:0.00}")))}), and names the class."));
        }
        text.AppendLine(Invariant($"- **pca**: RandomizedPca rank {s.Trainer.Rank} trained on each estate's own benign history (as `model train` on a store), threshold from that history (seed {first.Seed}: {first.PcaThreshold:0.000})."));
        text.AppendLine("- **rarity-baseline**: alerts when a warm principal makes a call it never made before.");
        text.AppendLine().AppendLine(Invariant($"Picked by the numbers: **{result.Picked}**{(result.MeetsGoal(result.Picked) ? " (meets the goal)" : " (does not meet the goal)")}.")).AppendLine();

        var detectors = result.Detectors;
        text.Append("| attack class | injected |");
        foreach (var d in detectors) text.Append(Invariant($" {d} recall mean | worst |"));
        text.AppendLine();
        text.Append("| --- | ---: |");
        foreach (var _ in detectors) text.Append(" ---: | ---: |");
        text.AppendLine();
        foreach (var kind in first.Detectors[0].Scenarios.Select(x => x.Kind))
        {
            var injected = result.Seeds.Sum(seed => seed[detectors[0]].Scenarios.First(x => x.Kind == kind).Injected);
            text.Append(Invariant($"| {kind} | {injected} |"));
            foreach (var d in detectors) text.Append(Invariant($" {result.MeanRecall(d, kind):0.00} | {result.WorstRecall(d, kind):0.00} |"));
            text.AppendLine();
        }

        text.AppendLine().AppendLine("| detector | recall mean | worst | precision mean | worst | false alerts / 1,000 principal-days mean | worst | alerts | false alerts | principal-days |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var d in detectors)
        {
            var runs = result.Seeds.Select(seed => seed[d]).ToList();
            text.AppendLine(Invariant($"| {d} | {runs.Average(r => r.Recall):0.00} | {runs.Min(r => r.Recall):0.00} | {runs.Average(r => r.Precision):0.00} | {runs.Min(r => r.Precision):0.00} | {runs.Average(r => r.FalseAlertsPerThousandPrincipalDays):0.00} | {runs.Max(r => r.FalseAlertsPerThousandPrincipalDays):0.00} | {runs.Sum(r => r.Alerts)} | {runs.Sum(r => r.FalseAlerts)} | {runs.Sum(r => r.PrincipalDays)} |"));
        }

        text.AppendLine().AppendLine("Attack variant 1 alone (the classifiers never saw it):").AppendLine();
        text.AppendLine("| detector | variant-1 injected | detected |");
        text.AppendLine("| --- | ---: | ---: |");
        foreach (var d in detectors)
        {
            var runs = result.Seeds.SelectMany(seed => seed[d].Scenarios).ToList();
            text.AppendLine(Invariant($"| {d} | {runs.Sum(x => x.InjectedVariant1)} | {runs.Sum(x => x.DetectedVariant1)} |"));
        }

        text.AppendLine().AppendLine("Per estate:").AppendLine();
        text.AppendLine("| seed | detector | recall | precision | alerts | false alerts | principal-days | false alerts / 1,000 principal-days |");
        text.AppendLine("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var seed in result.Seeds)
        foreach (var d in seed.Detectors)
            text.AppendLine(Invariant($"| {seed.Seed} | {d.Detector} | {d.Recall:0.00} | {d.Precision:0.00} | {d.Alerts} | {d.FalseAlerts} | {d.PrincipalDays} | {d.FalseAlertsPerThousandPrincipalDays:0.00} |"));

        text.AppendLine().AppendLine("Definitions: an alert is a run of flagged records of one principal, each within an hour of the previous "
            + "(the live scorer's grouping). An attack is detected when at least one of its records is in an alert; recall is detected / injected, "
            + "mean and worst over the estates. A true alert holds at least one attack record, a false alert none; precision is true alerts / alerts. "
            + "Principal-days are the distinct (principal, UTC day) pairs with benign activity in the test period. Principals still warming up "
            + "(under 50 records or 2 days of history) are not scored by any detector. Records a detector flags are not learned by its profiles, as live. "
            + "The estates are this project's own generator: the classifiers learned its attack classes from other seeds of the same generator, "
            + "so their numbers are an upper bound for attacks unlike these; the variant-1 line is the nearest this evaluation gets to unseen attacks.");
        return text.ToString();
    }

    public static string Json(EvaluationResult result) => JsonSerializer.Serialize(new
    {
        settings = result.Settings,
        picked = result.Picked,
        meetsGoal = result.MeetsGoal(result.Picked),
        elapsedSeconds = result.Elapsed.TotalSeconds,
        classifiers = result.Classifiers,
        seeds = result.Seeds.Select(seed => new
        {
            seed.Seed, seed.HistoryRecords, seed.TestRecords, seed.Principals, seed.PcaThreshold,
            detectors = seed.Detectors.Select(d => new
            {
                d.Detector, d.Recall, d.Precision, d.Alerts, d.TrueAlerts, d.FalseAlerts, d.PrincipalDays,
                d.FalseAlertsPerThousandPrincipalDays, d.FlaggedRecords,
                scenarios = d.Scenarios,
            }),
        }),
    }, ModelFiles.Json);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
