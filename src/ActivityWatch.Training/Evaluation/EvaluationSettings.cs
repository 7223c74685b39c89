namespace ActivityWatch.Training.Evaluation;

/// <summary>The organisation and periods of one evaluation run.</summary>
public sealed record EvaluationSettings
{
    public int Seed { get; init; } = 1;

    /// <summary>People in the organisation (workloads and service roles come on top).</summary>
    public int People { get; init; } = 40;

    public int TrainDays { get; init; } = 21;

    public int TestDays { get; init; } = 14;

    /// <summary>Injections of each attack kind, spread over the test period.</summary>
    public int AttacksPerKind { get; init; } = 4;

    public double Rate { get; init; } = 1.0;

    /// <summary>Flagged records of one principal within this long of the previous one are one alert (as live).</summary>
    public TimeSpan AlertWindow { get; init; } = TimeSpan.FromHours(1);

    public TrainerSettings Trainer { get; init; } = new();
}
