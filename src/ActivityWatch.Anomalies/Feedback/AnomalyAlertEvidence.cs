namespace ActivityWatch.Anomalies.Feedback;

/// <summary>The anomaly signatures behind one ml alert, so suppressing the alert can say which patterns were wrong.</summary>
public sealed class AnomalyAlertEvidence
{
    public Guid Id { get; set; }
    public string Principal { get; set; } = "";
    public List<string> Signatures { get; set; } = [];
}
