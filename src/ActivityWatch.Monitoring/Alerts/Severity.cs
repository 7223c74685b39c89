namespace ActivityWatch.Monitoring.Alerts;

/// <summary>Severity names, lowest to highest, as GuardDuty and Security Hub rank findings.</summary>
public static class Severity
{
    public const string Low = "low";
    public const string Medium = "medium";
    public const string High = "high";
    public const string Critical = "critical";

    public static readonly IReadOnlyList<string> Ordered = [Low, Medium, High, Critical];

    public static int Rank(string severity) => Ordered.ToList().IndexOf(severity);
}
