using ActivityWatch.Anomalies.Profiles;

namespace ActivityWatch.Anomalies.Features;

/// <summary>
/// One record against its principal's history (and, for AssumeRole, the role's): the feature
/// vector of <see cref="FeatureNames"/>. Pure and allocation-free apart from window pruning,
/// so the live scorer, training and the evaluation harness all run exactly this code.
/// </summary>
public static class FeatureExtractor
{
    public static float[] Compute(PrincipalProfile profile, PrincipalProfile? assumedRole, in ActivityFacts facts, PrincipalProfile? passedRole = null)
    {
        var vector = new float[FeatureNames.Count];
        Compute(profile, assumedRole, facts, vector, passedRole);
        return vector;
    }

    public static void Compute(PrincipalProfile profile, PrincipalProfile? assumedRole, in ActivityFacts facts, Span<float> vector, PrincipalProfile? passedRole = null)
    {
        var apiCount = PrincipalProfile.Count(profile.Apis, facts.Action);
        var apiNovelty = Novelty(apiCount);
        vector[0] = apiNovelty;
        vector[1] = apiNovelty * facts.Level;

        ProfileUpdate.Prune(profile.RecentNewApis, facts.Time, ProfileUpdate.SlowNoveltyWindow);
        var slow = SlowNovelty.Of(profile.RecentNewApis, facts.Time, apiCount == 0 ? facts.Discovery : null);
        vector[2] = Saturate(slow.LastHour - 1, 4);

        ProfileUpdate.Prune(profile.RecentNewOrigins, facts.Time, ProfileUpdate.NoveltyWindow);
        vector[3] = OriginNovelty(profile, profile.Networks, "net|", facts.Network);
        vector[4] = OriginNovelty(profile, profile.Agents, "agent|", facts.Agent);
        vector[5] = facts.Region is null ? 0 : Novelty(PrincipalProfile.Count(profile.Regions, facts.Region));
        vector[6] = HourUnusualness(profile, facts.Time);

        ProfileUpdate.Prune(profile.RecentErrors, facts.Time, ProfileUpdate.ErrorWindow);
        var isError = facts.ErrorCode is not null;
        var recentErrors = profile.RecentErrors.Count + (isError ? 1 : 0);
        // An error every few minutes is some principals' normal: only errors beyond the habit count.
        var usualErrorsPerWindow = profile.CompletedHours == 0 ? 0 : 2.0 * profile.Errors / (profile.CompletedHours + 1) / 6;
        vector[7] = Saturate(recentErrors - usualErrorsPerWindow - 1, 5);
        vector[8] = isError ? Novelty(PrincipalProfile.Count(profile.ErrorCodes, facts.ErrorCode)) : 0;
        vector[9] = Saturate(DistinctErrors(profile.RecentErrors, isError ? $"{facts.ErrorCode}|{facts.ErrorMessage}" : null) - 1, 4);

        var readShare = profile.Events == 0 ? 0.5f : 1f - (float)profile.Writes / profile.Events;
        vector[10] = facts.IsWrite ? 0.6f * readShare : 0;
        vector[11] = 0.5f * facts.Level;
        vector[12] = RateBurst(profile, facts.Time);
        // A role many people assume takes a new one in its stride; one only CI or a service assumes does not.
        // A role nobody ever assumed or used is new itself (just created for a new workload): its first assumer is expected.
        vector[13] = facts.AssumedRole is null || assumedRole is null || PrincipalProfile.Count(assumedRole.Assumers, facts.Principal) > 0 ? 0
            : assumedRole.Assumers.Count == 0 && assumedRole.Events == 0 ? 0.2f
            : 1f / (1f + assumedRole.Assumers.Count / 4f);

        var resourceCount = facts.Resource is null ? -1 : PrincipalProfile.Count(profile.Resources, facts.Resource);
        vector[14] = resourceCount == 0 ? 0.6f : 0;
        ProfileUpdate.Prune(profile.RecentNewResources, facts.Time, ProfileUpdate.NoveltyWindow);
        vector[15] = Saturate(profile.RecentNewResources.Count + (resourceCount == 0 ? 1 : 0) - 1, 6);
        vector[16] = 1f / (1f + profile.Events / 200f);

        // PCA is linear: it cannot see that several novelties at once (new API from a new network with a
        // new client at an odd hour) are rarer than any one of them. Benign change is usually one at a time.
        var together = 0;
        foreach (var i in NoveltyFeatures) if (vector[i] >= 0.5f) together++;
        vector[17] = Saturate(together - 1, 1.5);

        var cloud = facts.Kind is NetworkKind.Aws or NetworkKind.Hosting;
        var kindCount = cloud ? PrincipalProfile.Count(profile.NetworkKinds, ProfileUpdate.KindName(facts.Kind)) : 0;
        vector[18] = !cloud ? 0 : kindCount == 0 ? 1 : kindCount < 3 || kindCount * 100 < profile.Events ? 0.4f : 0;
        vector[19] = facts.LongTermKey is null ? 0 : vector[18];
        var keyNew = facts.LongTermKey is not null && profile.LongTermKeys.Count > 0 && PrincipalProfile.Count(profile.LongTermKeys, facts.LongTermKey) == 0;
        vector[20] = vector[3] >= 0.8f && (vector[4] >= 0.8f || keyNew) ? 1 : 0;
        // Against the principal's own pace of learning new calls: a shared on-call role or a new hire takes up
        // several a day, a workload none.
        var pace = profile.ActiveDays > 1 ? (double)profile.LearnedApis / (profile.ActiveDays - 1) : 0;
        vector[21] = Saturate(slow.Total - 2 - 1.5 * pace, 4) * Math.Min(1f, slow.Hours / 3f);
        vector[22] = slow.Total == 0 ? 0 : (float)slow.Discovery / slow.Total * Saturate(slow.Discovery - 1 - 1.5 * pace, 3);
        vector[23] = keyNew ? 1 : 0;
        vector[24] = HourOfWeekVolume(profile, facts.Time);
        // A role with no history of its own is usually one just created for the new resource; an established
        // role handed to compute by someone who never passed it is how PassRole escalation looks.
        vector[25] = facts.PassedRole is null || PrincipalProfile.Count(profile.PassedRoles, facts.PassedRole) > 0 ? 0
            : passedRole is null || passedRole.Events == 0 ? 0.3f
            : (profile.PassedRoles.Count > 0 ? 0.3f : 1f) / (1f + passedRole.Passers.Count / 2f);
        vector[26] = !facts.DisablesGuardrail ? 0 : apiCount == 0 ? 1 : 0.6f;
    }

    /// <summary>
    /// Calls this hour against the principal's own busiest hour and its usual volume at this hour of
    /// the week; a log-ratio, so three times the busiest hour is clearly more than twice.
    /// </summary>
    private static float HourOfWeekVolume(PrincipalProfile profile, DateTimeOffset time)
    {
        var current = ProfileUpdate.HourStart(time) > profile.CurrentHour ? 1 : profile.CurrentHourCount + 1;
        var weeks = Math.Max(1.0, (profile.LastSeen - profile.FirstSeen).TotalDays / 7);
        var how = ProfileUpdate.HourOfWeekOf(time);
        // The hour under way is counted in HourOfWeek already: left out, or a burst would raise its own bar.
        var sofar = ProfileUpdate.HourStart(time) == profile.CurrentHour ? profile.CurrentHourCount : 0;
        var usual = Math.Max(0, profile.HourOfWeek[how] - sofar) / weeks;
        var ceiling = Math.Max(profile.MaxHourCount, 1.5 * usual) + 10;
        var ratio = Math.Log2((current + 1) / (ceiling + 1));
        return ratio <= 0 ? 0 : (float)Math.Min(1.5, ratio / 1.5);
    }

    private static readonly int[] NoveltyFeatures = [0, 3, 4, 5, 6, 8, 13];

    /// <summary>Never seen: 1; first seen within the hour (the same session): 0.8; else as <see cref="Novelty"/>.</summary>
    private static float OriginNovelty(PrincipalProfile profile, Dictionary<string, int> counts, string prefix, string? origin)
    {
        if (origin is null) return 0;
        var count = PrincipalProfile.Count(counts, origin);
        if (count == 0) return 1;
        foreach (var mark in profile.RecentNewOrigins)
        {
            if (mark.Key.Length == prefix.Length + origin.Length && mark.Key.StartsWith(prefix, StringComparison.Ordinal)
                && mark.Key.EndsWith(origin, StringComparison.Ordinal)) return 0.8f;
        }
        return Novelty(count);
    }

    /// <summary>Never seen: 1; seen once or twice: still a little new; else not new.</summary>
    private static float Novelty(int count) => count switch { 0 => 1f, < 3 => 0.3f, _ => 0f };

    private static float Saturate(double excess, double scale) => excess <= 0 ? 0 : (float)(1 - Math.Exp(-excess / scale));

    /// <summary>
    /// How little the principal has worked at this UTC hour: the same hour of the same weekday
    /// counts fully, neighbouring hours half, the same hours on other weekdays a fifth.
    /// </summary>
    public static float HourUnusualness(PrincipalProfile profile, DateTimeOffset time)
    {
        var how = ProfileUpdate.HourOfWeekOf(time);
        var hours = profile.HourOfWeek;
        double support = hours[how] + 0.5 * (hours[(how + 167) % 168] + hours[(how + 1) % 168]);
        var hourOfDay = how % 24;
        double otherDays = 0;
        for (var day = 0; day < 7; day++)
        {
            var at = day * 24 + hourOfDay;
            if (at == how) continue;
            otherDays += hours[at] + 0.5 * (hours[(at + 167) % 168] + hours[(at + 1) % 168]);
        }
        support += 0.2 * otherDays;
        var expected = profile.Events / 168.0;
        return (float)(1 / (1 + support / (0.5 * expected + 1)));
    }

    private static float RateBurst(PrincipalProfile profile, DateTimeOffset time)
    {
        var current = ProfileUpdate.HourStart(time) > profile.CurrentHour ? 1 : profile.CurrentHourCount + 1;
        var sd = profile.CompletedHours > 1 ? Math.Sqrt(profile.HourlyM2 / (profile.CompletedHours - 1)) : 0;
        var ceiling = profile.HourlyMean + 3 * sd + 20;
        var ratio = Math.Log2((current + 1) / (ceiling + 1));
        // Up to 1.5: a burst of hundreds of downloads is the whole signal of exfiltration by a known client.
        return ratio <= 0 ? 0 : (float)Math.Min(1.5, ratio / 2);
    }

    private static int DistinctErrors(List<RecentMark> marks, string? current)
    {
        if (marks.Count == 0) return current is null ? 0 : 1;
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var mark in marks) keys.Add(mark.Key);
        if (current is not null) keys.Add(current);
        return keys.Count;
    }
}
