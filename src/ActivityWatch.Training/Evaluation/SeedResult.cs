namespace ActivityWatch.Training.Evaluation;

/// <summary>Every detector on one estate.</summary>
public sealed record SeedResult(int Seed, long HistoryRecords, long TestRecords, int Principals, double PcaThreshold, IReadOnlyList<DetectorResult> Detectors)
{
    public DetectorResult this[string detector] => Detectors.First(d => d.Detector == detector);
}
