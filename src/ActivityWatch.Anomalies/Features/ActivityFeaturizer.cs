using ActivityWatch.Anomalies.Profiles;

namespace ActivityWatch.Anomalies.Features;

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
    /// <returns>Not warm, and marked <see cref="FeaturizedActivity.AlreadyLearned"/>, when the profile has already folded in
    /// this event (a page run again): it is neither scored nor learned twice.</returns>
    public FeaturizedActivity Featurize(in ActivityFacts facts, Func<float[], bool>? alerts = null)
    {
        var profile = Profiles.GetOrCreate(facts.Principal);
        if (facts.Sequence > 0 && facts.Sequence <= profile.LastSequence) return new FeaturizedActivity(facts, new float[FeatureNames.Count], false) { AlreadyLearned = true };
        var role = facts.AssumedRole is null ? null : Profiles.GetOrCreate(facts.AssumedRole);
        var passed = facts.PassedRole is null ? null : Profiles.GetOrCreate(facts.PassedRole);
        var warm = profile.Events >= WarmUpEvents && facts.Time - profile.FirstSeen >= WarmUpTime;
        var vector = FeatureExtractor.Compute(profile, role, facts, passed);
        var anomalous = warm && alerts is not null && alerts(vector);
        ProfileUpdate.Observe(profile, facts, learnNovelty: !anomalous);
        Profiles.MarkChanged(profile.Id);
        if (!anomalous)
        {
            if (role is not null && (facts.Sequence == 0 || facts.Sequence > role.LastSequence))
            {
                ProfileUpdate.ObserveAssumer(role, facts.Principal);
                role.LastSequence = Math.Max(role.LastSequence, facts.Sequence);
                Profiles.MarkChanged(role.Id);
            }
            if (passed is not null && passed != profile && (facts.Sequence == 0 || facts.Sequence > passed.LastSequence))
            {
                ProfileUpdate.ObservePasser(passed, facts.Principal);
                passed.LastSequence = Math.Max(passed.LastSequence, facts.Sequence);
                Profiles.MarkChanged(passed.Id);
            }
        }
        return new FeaturizedActivity(facts, vector, warm);
    }
}
