namespace ActivityWatch.Monitoring.Detections.Evaluation;

public sealed record WindowEntry(string EventId, DateTimeOffset Time);
