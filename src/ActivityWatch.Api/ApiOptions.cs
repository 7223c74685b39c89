using ActivityWatch.Api.Auth;
using ActivityWatch.Api.Limits;

namespace ActivityWatch.Api;

/// <summary>Configuration section "ActivityWatch:Api" (env: ActivityWatch__Api__*).</summary>
public sealed class ApiOptions
{
    public const string Section = "ActivityWatch:Api";

    /// <summary>The most items one page may ask for.</summary>
    public int MaxPageSize { get; set; } = 500;

    /// <summary>The widest time range one search, histogram or retro-hunt may cover.</summary>
    public int MaxRangeDays { get; set; } = 400;

    /// <summary>How often the live alert stream looks for new alert events (it reads the store, so it works across processes).</summary>
    public TimeSpan LivePollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often an open live stream checks its caller's key or token again (at most a minute): a revoked key or an expired token closes it.</summary>
    public TimeSpan LiveRecheckInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Live streams one caller (key or OIDC subject) may hold open at once in one process; more answer 429.</summary>
    public int LiveStreamsPerCaller { get; set; } = 4;

    public RateLimitOptions RateLimit { get; set; } = new();

    public OidcOptions Oidc { get; set; } = new();
}
