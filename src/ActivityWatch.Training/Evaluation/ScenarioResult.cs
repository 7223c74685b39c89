namespace ActivityWatch.Training.Evaluation;

/// <summary>One attack kind's line of the table.</summary>
public sealed record ScenarioResult(string Kind, int Injected, int Detected, int Alerts)
{
    public double Recall => Injected == 0 ? 0 : (double)Detected / Injected;
}
