using ActivityWatch.Anomalies.Features;

namespace ActivityWatch.Anomalies.Scoring;

/// <summary>One record's verdict. <see cref="Explanation"/> and <see cref="Signature"/> are set for anomalies only.</summary>
public sealed record ScoredActivity(
    ActivityFacts Facts,
    float Score,
    double Threshold,
    bool Anomalous,
    IReadOnlyList<string> TopFeatures,
    string Explanation,
    string Signature);
