namespace ActivityWatch.Training.Evaluation;

/// <summary>One attack class on one estate: injected and detected, overall and for variant 1 alone.</summary>
public sealed record ScenarioResult(string Kind, int Injected, int Detected, int InjectedVariant1, int DetectedVariant1)
{
    public double Recall => Injected == 0 ? 0 : (double)Detected / Injected;
}
