namespace ActivityWatch.Training.Evaluation;

/// <summary>
/// How one detector did on the test period. Definitions (also in ml-models/evaluation.md):
/// an alert is a run of flagged records of one principal, each within the alert window of the
/// previous (the live scorer's grouping); a scenario is detected when at least one of its records
/// is in an alert; a true alert holds at least one attack record, a false alert none;
/// precision = true alerts / alerts; principal-days = distinct (principal, UTC day) with benign
/// activity in the test period.
/// </summary>
public sealed record DetectorResult(
    string Detector,
    IReadOnlyList<ScenarioResult> Scenarios,
    int Alerts,
    int TrueAlerts,
    int FalseAlerts,
    long PrincipalDays,
    long FlaggedRecords)
{
    public int Injected => Scenarios.Sum(s => s.Injected);
    public int Detected => Scenarios.Sum(s => s.Detected);
    public double Recall => Injected == 0 ? 0 : (double)Detected / Injected;
    public double Precision => Alerts == 0 ? 0 : (double)TrueAlerts / Alerts;
    public double FalseAlertsPerThousandPrincipalDays => PrincipalDays == 0 ? 0 : FalseAlerts * 1000.0 / PrincipalDays;
}
