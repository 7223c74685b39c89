namespace ActivityWatch.Training;

/// <summary>One warm record's features, with who and when (for threshold calibration per principal-day).</summary>
public readonly record struct TrainingRow(string Principal, DateTimeOffset Time, float[] Vector);
