using ActivityWatch.Monitoring.Records;

namespace ActivityWatch.Training.Evaluation;

/// <summary>A generated record after the real parser, with the generator's ground truth.</summary>
public readonly record struct LabelledRecord(ActivityRecorded Record, string? Scenario);
