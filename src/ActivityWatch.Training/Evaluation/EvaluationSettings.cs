namespace ActivityWatch.Training.Evaluation;

/// <summary>The estates and periods of one evaluation run.</summary>
public sealed record EvaluationSettings
{
    /// <summary>Estates the detectors are measured on; the classifier never sees them.</summary>
    public IReadOnlyList<int> Seeds { get; init; } = [1, 2, 3];

    /// <summary>Estates the classifier learns from (all but the last) and calibrates its threshold on (the last).</summary>
    public IReadOnlyList<int> ClassifierSeeds { get; init; } = [101, 102, 103];

    /// <summary>People in each estate at the start (new hires, workloads and service roles come on top).</summary>
    public int People { get; init; } = 40;

    public int TrainDays { get; init; } = 21;

    public int TestDays { get; init; } = 14;

    /// <summary>Injections of each attack class per estate, spread over its test period, half in each variant.</summary>
    public int AttacksPerKind { get; init; } = 5;

    /// <summary>Injections of each class per classifier estate: more examples to learn from.</summary>
    public int ClassifierAttacksPerKind { get; init; } = 10;

    /// <summary>The classifier's estates use only this variant of each attack, so variant 1 is new to it in the evaluation.</summary>
    public int? ClassifierVariant { get; init; } = 0;

    public double Rate { get; init; } = 1.0;

    /// <summary>False: PCA and the baseline only (quicker while tuning features).</summary>
    public bool Classifiers { get; init; } = true;

    /// <summary>Flagged records of one principal within this long of the previous one are one alert (as live).</summary>
    public TimeSpan AlertWindow { get; init; } = TimeSpan.FromHours(1);

    public TrainerSettings Trainer { get; init; } = new();
}
