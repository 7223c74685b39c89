namespace ActivityWatch.Anomalies.Feedback;

/// <summary>
/// An analyst said an ml.unusual-activity alert was a false positive: this principal with this
/// anomaly signature no longer alerts, and such records are left out of the next training.
/// </summary>
public sealed class AnomalyFeedback
{
    public string Id { get; set; } = "";
    public string Principal { get; set; } = "";
    public string Signature { get; set; } = "";
    public Guid AlertId { get; set; }
    public string By { get; set; } = "";
    public string? Note { get; set; }
    public DateTimeOffset At { get; set; }
}
