namespace ActivityWatch.Monitoring.Detections.Evaluation;

/// <summary>
/// The recent matches of one aggregating rule for one principal (document id "rule|principal"),
/// kept in PostgreSQL so every node, and a restarted one, counts from the same state.
/// </summary>
public sealed class DetectionWindow
{
    public string Id { get; set; } = "";
    public List<WindowEntry> Entries { get; set; } = [];
}
