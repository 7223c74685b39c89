namespace ActivityWatch.Anomalies.Scoring;

/// <summary>
/// The shape of an anomaly for feedback: the principal and the names of the features that made
/// it (not their values: "first API" fires once per API, so a value never repeats, while the
/// shape "this CI role calls APIs new to it" does).
/// </summary>
public static class AnomalySignature
{
    public static string Of(IEnumerable<string> topFeatures) => string.Join('+', topFeatures.Order(StringComparer.Ordinal));

    public static string Key(string principal, string signature) => $"{principal}|{signature}";
}
