using ActivityWatch.Anomalies.Features;
using ActivityWatch.Anomalies.Profiles;
using ActivityWatch.Anomalies.Scoring;
using ActivityWatch.Monitoring.Records;

namespace ActivityWatch.Training;

/// <summary>
/// History replayed through the same featurizer the live scorer uses, from empty profiles.
/// Records of principals still warming up build profiles but are not training rows.
/// </summary>
public sealed class TrainingSet(NetworkKinds? networks = null)
{
    public List<TrainingRow> Rows { get; } = [];
    public long Records { get; private set; }
    public long ExcludedByFeedback { get; private set; }
    public DateTimeOffset? From { get; private set; }
    public DateTimeOffset? Until { get; private set; }
    public ActivityFeaturizer Featurizer { get; } = new(new ProfileBook());

    /// <param name="feedback">Principal and signature of patterns an analyst marked false positive; such
    /// records are left out (see <see cref="Exclude"/>) so the next model is not calibrated on them.</param>
    public void Add(ActivityRecorded record, IReadOnlySet<string>? feedback = null, Func<float[], IReadOnlyList<string>>? explain = null)
    {
        var facts = ActivityFacts.From(record, networks);
        Add(facts, feedback, explain);
    }

    public void Add(in ActivityFacts facts, IReadOnlySet<string>? feedback = null, Func<float[], IReadOnlyList<string>>? explain = null)
    {
        Records++;
        From ??= facts.Time;
        if (Until is null || facts.Time > Until) Until = facts.Time;
        var featurized = Featurizer.Featurize(facts);
        if (!featurized.Warm) return;
        if (Exclude(facts.Principal, featurized.Vector, feedback, explain))
        {
            ExcludedByFeedback++;
            return;
        }
        Rows.Add(new TrainingRow(facts.Principal, facts.Time, featurized.Vector));
    }

    /// <summary>A record is excluded when an earlier model explained it with a signature an analyst rejected.</summary>
    private static bool Exclude(string principal, float[] vector, IReadOnlySet<string>? feedback, Func<float[], IReadOnlyList<string>>? explain)
    {
        if (feedback is null || feedback.Count == 0 || explain is null) return false;
        var top = explain(vector);
        return top.Count > 0 && feedback.Contains(AnomalySignature.Key(principal, AnomalySignature.Of(top)));
    }
}
