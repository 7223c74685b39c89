namespace ActivityWatch.Anomalies.Features;

/// <summary>
/// The feature vector, in order. Every feature is oriented "higher is more unusual" and lies in
/// [0, 1]; the model card lists these names, so a model trained on another layout is refused.
/// </summary>
public static class FeatureNames
{
    public const string ApiFirst = "api.first";
    public const string ApiFirstSensitive = "api.first-sensitive";
    public const string ApiNewInWindow = "api.new-in-window";
    public const string NetworkFirst = "network.first";
    public const string AgentFirst = "agent.first";
    public const string RegionFirst = "region.first";
    public const string HourUnusual = "hour.unusual";
    public const string ErrorBurst = "error.burst";
    public const string ErrorRareCode = "error.rare-code";
    public const string ErrorDistinctMessages = "error.distinct-messages";
    public const string WriteUnusual = "write.unusual";
    public const string AccessLevel = "access.level";
    public const string RateBurst = "rate.burst";
    public const string RoleNewAssumer = "role.new-assumer";
    public const string ResourceFirst = "resource.first";
    public const string ResourceNewInWindow = "resource.new-in-window";
    public const string ProfileYoung = "profile.young";
    public const string NoveltyTogether = "novelty.together";
    public const string NetworkCloud = "network.cloud";
    public const string KeyFromCloud = "key.long-term-from-cloud";
    public const string OriginTogether = "origin.together";
    public const string ApiNewOverHours = "api.new-over-hours";
    public const string DiscoverySpread = "api.discovery-spread";
    public const string KeyNew = "key.new";
    public const string VolumeHourOfWeek = "volume.hour-of-week";
    public const string RolePassedNew = "role.passed-new";
    public const string GuardrailDisabled = "guardrail.disabled";

    public static IReadOnlyList<string> All { get; } =
    [
        ApiFirst, ApiFirstSensitive, ApiNewInWindow, NetworkFirst, AgentFirst, RegionFirst, HourUnusual,
        ErrorBurst, ErrorRareCode, ErrorDistinctMessages, WriteUnusual, AccessLevel, RateBurst,
        RoleNewAssumer, ResourceFirst, ResourceNewInWindow, ProfileYoung, NoveltyTogether,
        NetworkCloud, KeyFromCloud, OriginTogether, ApiNewOverHours, DiscoverySpread, KeyNew, VolumeHourOfWeek,
        RolePassedNew, GuardrailDisabled,
    ];

    public static int Count => All.Count;

    /// <summary>
    /// How telling each feature is on its own, as a scale on the PCA residual: signals benign work
    /// never gives in a healthy estate (a long-term key used from a cloud network, a guardrail switched
    /// off, a powerful role handed to new compute, first calls spread over hours) weigh more than
    /// novelty people bring every week (a first API, a new network or client). The evaluation checks
    /// these against the benign novelty of the estate generator; the model card records them.
    /// </summary>
    public static IReadOnlyList<double> DefaultWeights { get; } = All.Select(name => name switch
    {
        GuardrailDisabled or KeyFromCloud or RolePassedNew or RoleNewAssumer => 2.5,
        ApiNewOverHours or VolumeHourOfWeek => 2.0,
        DiscoverySpread => 1.5,
        _ => 1.0,
    }).ToList();

    public static int IndexOf(string name)
    {
        for (var i = 0; i < All.Count; i++) if (All[i] == name) return i;
        return -1;
    }
}
