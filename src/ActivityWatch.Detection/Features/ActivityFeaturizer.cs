using ActivityWatch.Detection.Profiles;

namespace ActivityWatch.Detection.Features;

/// <summary>
/// Scores come before learning: each record's features are computed against its principal's
/// profile, then the record is folded in. Used identically by the live subscription, training
/// and the evaluation harness.
/// </summary>
public sealed class ActivityFeaturizer(ProfileBook profiles)
{
    /// <summary>A profile younger than this has too little history to judge: it learns, it is not scored.</summary>
    public const int WarmUpEvents = 50;

    public static readonly TimeSpan WarmUpTime = TimeSpan.FromDays(2);

    public ProfileBook Profiles { get; } = profiles;

    /// <param name="alerts">Given the vector, whether the record alerts (null: nothing alerts, as in training);
    /// an alerting record's novelties are not learned (see <see cref="ProfileUpdate.Observe"/>).</param>
    public FeaturizedActivity Featurize(in ActivityFacts facts, Func<float[], bool>? alerts = null)
    {
        var profile = Profiles.GetOrCreate(facts.Principal);
        var role = facts.AssumedRole is null ? null : Profiles.GetOrCreate(facts.AssumedRole);
        var warm = profile.Events >= WarmUpEvents && facts.Time - profile.FirstSeen >= WarmUpTime;
        var vector = FeatureExtractor.Compute(profile, role, facts);
        var anomalous = warm && alerts is not null && alerts(vector);
        ProfileUpdate.Observe(profile, facts, learnNovelty: !anomalous);
        Profiles.MarkChanged(profile.Id);
        if (role is not null && !anomalous)
        {
            ProfileUpdate.ObserveAssumer(role, facts.Principal);
            Profiles.MarkChanged(role.Id);
        }
        return new FeaturizedActivity(facts, vector, warm);
    }
}
