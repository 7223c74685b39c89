using ActivityWatch.Anomalies.Model;

namespace ActivityWatch.Training.Evaluation;

/// <summary>The whole evaluation: per estate, and the detector the numbers picked (its model is the one to ship).</summary>
public sealed record EvaluationResult(
    EvaluationSettings Settings,
    IReadOnlyList<SeedResult> Seeds,
    IReadOnlyList<ModelCard> Classifiers,
    string Picked,
    TimeSpan Elapsed)
{
    public IReadOnlyList<string> Detectors => Seeds[0].Detectors.Select(d => d.Detector).ToList();

    public double MeanRecall(string detector, string kind) => Seeds.Average(s => s[detector].Scenarios.First(x => x.Kind == kind).Recall);

    public double WorstRecall(string detector, string kind) => Seeds.Min(s => s[detector].Scenarios.First(x => x.Kind == kind).Recall);

    public double MeanFalseAlertRate(string detector) => Seeds.Average(s => s[detector].FalseAlertsPerThousandPrincipalDays);

    public double WorstFalseAlertRate(string detector) => Seeds.Max(s => s[detector].FalseAlertsPerThousandPrincipalDays);

    /// <summary>The goal of issue 17: every class at recall 0.9 on average and 0.8 on the worst estate, at most 1 false alert per 1,000 principal-days.</summary>
    public bool MeetsGoal(string detector) =>
        Seeds[0][detector].Scenarios.All(x => MeanRecall(detector, x.Kind) >= 0.9 && WorstRecall(detector, x.Kind) >= 0.8)
        && MeanFalseAlertRate(detector) <= 1.0;
}
