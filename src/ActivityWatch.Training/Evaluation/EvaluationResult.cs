using ActivityWatch.Detection.Model;

namespace ActivityWatch.Training.Evaluation;

public sealed record EvaluationResult(
    EvaluationSettings Settings,
    long TrainingRecords,
    long TestRecords,
    int Principals,
    ModelCard Model,
    DetectorResult Ml,
    DetectorResult Baseline,
    TimeSpan Elapsed);
