namespace ActivityWatch.Training;

/// <summary>RandomizedPca's knobs and the alert budget the threshold is calibrated to.</summary>
public sealed record TrainerSettings
{
    /// <summary>Principal components kept: the "normal" directions of behaviour.</summary>
    public int Rank { get; init; } = 4;

    public int Oversampling { get; init; } = 20;

    public int Seed { get; init; } = 1;

    /// <summary>False alerts per 1,000 principal-days the threshold allows on the training history.</summary>
    public double AlertBudgetPerThousandPrincipalDays { get; init; } = 0.5;

    /// <summary>Safety margin over the calibrated score, since test data is never the training data.</summary>
    public double ThresholdMargin { get; init; } = 1.05;

    /// <summary>PCA's residual scale per feature (null: <see cref="ActivityWatch.Anomalies.Features.FeatureNames.DefaultWeights"/>).</summary>
    public IReadOnlyList<double>? FeatureWeights { get; init; }

    /// <summary>Boosted trees of the classifier, and leaves per tree.</summary>
    public int Trees { get; init; } = 60;

    public int Leaves { get; init; } = 8;

    /// <summary>The classifier learns from each attack's best records and each benign principal-day's best
    /// (multiple-instance learning), chosen again with the model this many times.</summary>
    public int InstanceRounds { get; init; } = 3;

    public int AttackInstances { get; init; } = 3;

    /// <summary>The attack-class model's L2 penalty: small, so a signal benign work never shows can carry a class alone.</summary>
    public float ClassL2 { get; init; } = 0.1f;

    public int BenignDayInstances { get; init; } = 3;

    /// <summary>At most this many rows go to the PCA (a uniform sample): the principal directions settle long before.</summary>
    public int MaxPcaRows { get; init; } = 2_000_000;
}
