namespace ActivityWatch.Anomalies.Model;

/// <summary>
/// ml-models/activity-anomaly.json: what a model is, what it was trained on and where it alerts.
/// The .zip is the contract for the maths; the card carries the feature layout and threshold.
/// </summary>
public sealed record ModelCard
{
    public const string CurrentVersion = "1";

    public string Version { get; init; } = CurrentVersion;
    public string ModelVersion { get; init; } = "";
    public string Algorithm { get; init; } = "RandomizedPca";
    public int Rank { get; init; }
    public int Oversampling { get; init; }
    public string Score { get; init; } =
        "one-sided reconstruction error: the length of the part of (features - mean) that the principal components do not explain, counting only features above their reconstruction";
    public IReadOnlyList<string> Features { get; init; } = [];

    /// <summary>For PCA: the scale of each feature's residual in the score, in feature order (absent: all 1).</summary>
    public IReadOnlyList<double>? FeatureWeights { get; init; }
    public DateTimeOffset? TrainedFrom { get; init; }
    public DateTimeOffset? TrainedUntil { get; init; }
    public DateTimeOffset TrainedAt { get; init; }
    public string TrainingSource { get; init; } = "";
    public long TrainingRecords { get; init; }
    public long ScoredRows { get; init; }
    public long ExcludedByFeedback { get; init; }
    public double Threshold { get; init; }

    /// <summary>For the attack-class model: the classes it tells from benign activity, in the order of its weights.</summary>
    public IReadOnlyList<string>? Classes { get; init; }

    /// <summary>For the attack-class model: each class's own threshold on its margin over benign, as <see cref="Classes"/>.</summary>
    public IReadOnlyList<double>? ClassThresholds { get; init; }
    public string ThresholdRule { get; init; } = "";
    public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();
}
