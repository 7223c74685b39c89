using ActivityWatch.Anomalies.Features;

namespace ActivityWatch.Anomalies.Profiles;

/// <summary>Folds one record into its principal's profile: a handful of dictionary increments.</summary>
public static class ProfileUpdate
{
    public static readonly TimeSpan ErrorWindow = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan NoveltyWindow = TimeSpan.FromHours(1);

    /// <summary>How long first-time calls add up: discovery spread thin over a working day stays visible.</summary>
    public static readonly TimeSpan SlowNoveltyWindow = TimeSpan.FromHours(8);

    /// <param name="learnNovelty">False for a record that alerted: its new API, network, client, region,
    /// resource and error code are not learned, so an attacker's session keeps looking new instead of
    /// teaching the profile (an analyst's false-positive feedback suppresses the pattern instead).
    /// Counts, rates and windows always update, so bursts still build up.</param>
    public static void Observe(PrincipalProfile profile, in ActivityFacts facts, bool learnNovelty = true)
    {
        if (profile.Events == 0) profile.FirstSeen = facts.Time;
        var newApi = !profile.Apis.ContainsKey(facts.Action);
        var newResource = facts.Resource is not null && !profile.Resources.ContainsKey(facts.Resource);
        var newNetwork = facts.Network is not null && !profile.Networks.ContainsKey(facts.Network);
        var newAgent = facts.Agent is not null && !profile.Agents.ContainsKey(facts.Agent);
        profile.Events++;
        if (facts.Time > profile.LastSeen) profile.LastSeen = facts.Time;
        if (facts.Sequence > profile.LastSequence) profile.LastSequence = facts.Sequence;

        if (learnNovelty)
        {
            Increment(profile.Apis, facts.Action);
            Increment(profile.Networks, facts.Network);
            Increment(profile.Agents, facts.Agent);
            Increment(profile.Regions, facts.Region);
            Increment(profile.Resources, facts.Resource);
            if (facts.Kind != NetworkKind.None) Increment(profile.NetworkKinds, KindName(facts.Kind));
            if (profile.LongTermKeys.Count < 50) Increment(profile.LongTermKeys, facts.LongTermKey);
            if (profile.PassedRoles.Count < 200) Increment(profile.PassedRoles, facts.PassedRole);
        }
        profile.HourOfWeek[HourOfWeekOf(facts.Time)]++;
        var day = new DateTimeOffset(facts.Time.UtcDateTime.Date, TimeSpan.Zero);
        if (day > profile.LastActiveDay)
        {
            profile.ActiveDays++;
            profile.LastActiveDay = day;
        }
        if (newApi && learnNovelty && profile.ActiveDays > 1) profile.LearnedApis++;
        if (facts.IsWrite) profile.Writes++;

        var hour = HourStart(facts.Time);
        if (hour > profile.CurrentHour)
        {
            if (profile.CurrentHourCount > 0)
            {
                // Welford's running mean and variance over the hours the principal was active.
                profile.CompletedHours++;
                var delta = profile.CurrentHourCount - profile.HourlyMean;
                profile.HourlyMean += delta / profile.CompletedHours;
                profile.HourlyM2 += delta * (profile.CurrentHourCount - profile.HourlyMean);
                // An hour that alerted (a burst being caught) does not raise the bar for the next one.
                if (profile.CurrentHourCount > profile.MaxHourCount && !profile.CurrentHourAlerted) profile.MaxHourCount = profile.CurrentHourCount;
            }
            profile.CurrentHour = hour;
            profile.CurrentHourCount = 0;
            profile.CurrentHourAlerted = false;
        }
        profile.CurrentHourCount++;
        if (!learnNovelty) profile.CurrentHourAlerted = true;

        if (facts.ErrorCode is not null)
        {
            profile.Errors++;
            if (learnNovelty) Increment(profile.ErrorCodes, facts.ErrorCode);
            Mark(profile.RecentErrors, facts.Time, $"{facts.ErrorCode}|{facts.ErrorMessage}", ErrorWindow);
        }
        if (newApi && profile.Events > 1) Mark(profile.RecentNewApis, facts.Time, (facts.Discovery ? "d|" : "w|") + facts.Action, SlowNoveltyWindow);
        if (newNetwork && profile.Events > 1) Mark(profile.RecentNewOrigins, facts.Time, "net|" + facts.Network, NoveltyWindow);
        if (newAgent && profile.Events > 1) Mark(profile.RecentNewOrigins, facts.Time, "agent|" + facts.Agent, NoveltyWindow);
        if (newResource && profile.Events > 1) Mark(profile.RecentNewResources, facts.Time, facts.Resource!, NoveltyWindow);
    }

    /// <summary>The role's side: who assumes it.</summary>
    public static void ObserveAssumer(PrincipalProfile role, string assumer) => Increment(role.Assumers, assumer);

    /// <summary>The role's side: who passes it to resources.</summary>
    public static void ObservePasser(PrincipalProfile role, string passer)
    {
        if (role.Passers.Count < 500) Increment(role.Passers, passer);
    }

    /// <summary>Kinds as fixed strings (no enum formatting per record).</summary>
    public static string KindName(NetworkKind kind) => kind switch
    {
        NetworkKind.Public => "public",
        NetworkKind.Private => "private",
        NetworkKind.AwsService => "aws-service",
        NetworkKind.Aws => "aws",
        NetworkKind.Hosting => "hosting",
        _ => "none",
    };

    public static int HourOfWeekOf(DateTimeOffset time)
    {
        var utc = time.UtcDateTime;
        var day = ((int)utc.DayOfWeek + 6) % 7;
        return day * 24 + utc.Hour;
    }

    public static DateTimeOffset HourStart(DateTimeOffset time)
    {
        var utc = time.UtcDateTime;
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, TimeSpan.Zero);
    }

    /// <summary>Marks older than the window are dropped, so the list stays a few items long.</summary>
    public static void Prune(List<RecentMark> marks, DateTimeOffset now, TimeSpan window)
    {
        var cut = 0;
        while (cut < marks.Count && now - marks[cut].At > window) cut++;
        if (cut > 0) marks.RemoveRange(0, cut);
    }

    private static void Mark(List<RecentMark> marks, DateTimeOffset at, string key, TimeSpan window)
    {
        Prune(marks, at, window);
        if (marks.Count < 200) marks.Add(new RecentMark(at, key));
    }

    private static void Increment(Dictionary<string, int> counts, string? key)
    {
        if (key is null) return;
        if (counts.TryGetValue(key, out var count)) counts[key] = count + 1;
        else if (counts.Count < PrincipalProfile.MaxKeys) counts[key] = 1;
    }
}
