using System.Globalization;
using System.Text;
using System.Text.Json;
using ActivityWatch.Detection.Model;

namespace ActivityWatch.Training.Evaluation;

/// <summary>The results table (Markdown, as in ml-models/evaluation.md) and its JSON twin.</summary>
public static class EvaluationReport
{
    public static string Markdown(EvaluationResult result)
    {
        var s = result.Settings;
        var text = new StringBuilder();
        text.AppendLine("# Anomaly model evaluation").AppendLine();
        text.AppendLine(Invariant($"Seed {s.Seed}; {s.People} people ({result.Principals} principals incl. workloads and service roles); {s.TrainDays} days of benign history ({result.TrainingRecords:N0} records) for training, then {s.TestDays} test days ({result.TestRecords:N0} records) with {s.AttacksPerKind} injections of each attack kind. Model: RandomizedPca rank {result.Model.Rank}, threshold {result.Model.Threshold:0.000}. Run time {result.Elapsed.TotalSeconds:0} s."));
        text.AppendLine();
        text.AppendLine("| scenario | injected | ML detected | ML recall | baseline detected | baseline recall |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        for (var i = 0; i < result.Ml.Scenarios.Count; i++)
        {
            var ml = result.Ml.Scenarios[i];
            var baseline = result.Baseline.Scenarios[i];
            text.AppendLine(Invariant($"| {ml.Kind} | {ml.Injected} | {ml.Detected} | {ml.Recall:0.00} | {baseline.Detected} | {baseline.Recall:0.00} |"));
        }
        text.AppendLine().AppendLine("| detector | recall | precision | alerts | false alerts | principal-days | false alerts / 1,000 principal-days |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var d in new[] { result.Ml, result.Baseline })
        {
            text.AppendLine(Invariant($"| {d.Detector} | {d.Recall:0.00} | {d.Precision:0.00} | {d.Alerts} | {d.FalseAlerts} | {d.PrincipalDays} | {d.FalseAlertsPerThousandPrincipalDays:0.00} |"));
        }
        text.AppendLine().AppendLine("Definitions: an alert is a run of flagged records of one principal, each within an hour of the previous "
            + "(the live scorer's grouping). A scenario is detected when at least one of its records is in an alert; recall is detected / injected. "
            + "A true alert holds at least one attack record, a false alert none; precision is true alerts / alerts. Principal-days are the distinct "
            + "(principal, UTC day) pairs with benign activity in the test period. Principals still warming up (under 50 records or 2 days of history) "
            + "are not scored by either detector. The baseline flags a call a warm principal never made before.");
        return text.ToString();
    }

    public static string Json(EvaluationResult result) => JsonSerializer.Serialize(new
    {
        settings = result.Settings,
        result.TrainingRecords,
        result.TestRecords,
        result.Principals,
        elapsedSeconds = result.Elapsed.TotalSeconds,
        model = result.Model,
        detectors = new[] { result.Ml, result.Baseline }.Select(d => new
        {
            d.Detector, d.Recall, d.Precision, d.Alerts, d.TrueAlerts, d.FalseAlerts, d.PrincipalDays,
            d.FalseAlertsPerThousandPrincipalDays, d.FlaggedRecords,
            scenarios = d.Scenarios.Select(x => new { x.Kind, x.Injected, x.Detected, x.Recall, x.Alerts }),
        }),
    }, ModelFiles.Json);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
