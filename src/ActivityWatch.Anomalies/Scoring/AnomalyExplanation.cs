using System.Globalization;
using ActivityWatch.Anomalies.Features;
using ActivityWatch.Anomalies.Profiles;

namespace ActivityWatch.Anomalies.Scoring;

/// <summary>The top contributing features in words, with the facts they are about.</summary>
public static class AnomalyExplanation
{
    public static string Describe(in ActivityFacts facts, PrincipalProfile profile, IReadOnlyList<string> features)
    {
        var who = ShortName(facts.Principal);
        var parts = new List<string>(features.Count);
        foreach (var feature in features)
        {
            var part = Phrase(feature, facts, profile, who);
            if (part is not null && !parts.Contains(part)) parts.Add(part);
        }
        return string.Join("; ", parts);
    }

    private static string? Phrase(string feature, in ActivityFacts facts, PrincipalProfile profile, string who) => feature switch
    {
        FeatureNames.ApiFirst or FeatureNames.ApiFirstSensitive => $"first time {who} called {facts.Action}",
        FeatureNames.ApiNewInWindow => $"{SlowNovelty.Of(profile.RecentNewApis, facts.Time, null).LastHour} APIs new to {who} in the last hour",
        FeatureNames.NetworkFirst => $"first request from {facts.Network}",
        FeatureNames.AgentFirst => $"first use of the client {facts.Agent}",
        FeatureNames.RegionFirst => $"first activity in {facts.Region}",
        FeatureNames.HourUnusual =>
            $"{facts.Time.UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture)} UTC on a {facts.Time.UtcDateTime.DayOfWeek} is unusual for this principal",
        FeatureNames.ErrorBurst => $"{profile.RecentErrors.Count} errors in 10 minutes",
        FeatureNames.ErrorRareCode => $"first {facts.ErrorCode} for {who}",
        FeatureNames.ErrorDistinctMessages => $"{profile.RecentErrors.Select(e => e.Key).Distinct().Count()} different errors in 10 minutes",
        FeatureNames.WriteUnusual => $"a write ({facts.EventName}) from a principal that mostly reads",
        FeatureNames.AccessLevel => facts.Level >= 1 ? $"{facts.Action} changes permissions or logging" : $"{facts.Action} is a sensitive call",
        FeatureNames.RateBurst =>
            $"{profile.CurrentHourCount} calls this hour against a usual {profile.HourlyMean.ToString("0", CultureInfo.InvariantCulture)}",
        FeatureNames.RoleNewAssumer => $"first time {who} assumed {ShortName(facts.AssumedRole ?? "")}",
        FeatureNames.ResourceFirst => $"first access to {facts.Resource}",
        FeatureNames.ResourceNewInWindow => $"{profile.RecentNewResources.Count} resources new to {who} in the last hour",
        FeatureNames.ProfileYoung => $"little history for {who} yet",
        FeatureNames.NoveltyTogether => "several firsts at once",
        FeatureNames.NetworkCloud => $"{who} called from a {KindWords(facts.Kind)}, which it has not done before",
        FeatureNames.KeyFromCloud => $"the long-term key {facts.LongTermKey} was used from a {KindWords(facts.Kind)}",
        FeatureNames.OriginTogether => $"a new network ({facts.Network}) and a new client or key at once",
        FeatureNames.ApiNewOverHours =>
            $"{SlowNovelty.Of(profile.RecentNewApis, facts.Time, null).Total} APIs new to {who} in the last {ProfileUpdate.SlowNoveltyWindow.TotalHours:0} hours, spread over several hours",
        FeatureNames.DiscoverySpread => $"{SlowNovelty.Of(profile.RecentNewApis, facts.Time, null).Discovery} List/Describe/Get calls new to {who} in the last {ProfileUpdate.SlowNoveltyWindow.TotalHours:0} hours",
        FeatureNames.KeyNew => $"first use of the access key {facts.LongTermKey} by {who}",
        FeatureNames.VolumeHourOfWeek =>
            $"{profile.CurrentHourCount} calls this hour, more than {who}'s busiest hour ({profile.MaxHourCount.ToString(CultureInfo.InvariantCulture)})",
        FeatureNames.RolePassedNew => $"{who} passed the role {ShortName(facts.PassedRole ?? "")} to a resource for the first time",
        FeatureNames.GuardrailDisabled => $"{facts.Action} switches off or narrows a guardrail",
        _ => null,
    };

    private static string KindWords(NetworkKind kind) => kind switch
    {
        NetworkKind.Aws => "an AWS address (EC2 range)",
        NetworkKind.Hosting => "a hosting provider's network",
        _ => "network of a new kind",
    };

    /// <summary>arn:aws:iam::111122223333:role/Deploy -> "role Deploy".</summary>
    public static string ShortName(string principal)
    {
        var colon = principal.LastIndexOf(':');
        var resource = colon < 0 ? principal : principal[(colon + 1)..];
        var slash = resource.IndexOf('/');
        if (slash < 0) return resource;
        var last = resource.LastIndexOf('/');
        return $"{resource[..slash]} {resource[(last + 1)..]}";
    }
}
