using ActivityWatch.Api.Auth;

namespace ActivityWatch.Api;

/// <summary>Configuration section "ActivityWatch:Api" (env: ActivityWatch__Api__*).</summary>
public sealed class ApiOptions
{
    public const string Section = "ActivityWatch:Api";

    /// <summary>The most items one page may ask for.</summary>
    public int MaxPageSize { get; set; } = 500;

    /// <summary>The widest time range one search or histogram may cover.</summary>
    public int MaxRangeDays { get; set; } = 400;

    /// <summary>The most rows one timeline export streams.</summary>
    public int MaxExportRows { get; set; } = 1_000_000;

    /// <summary>How often the live alert stream looks for new alert events (it reads the store, so it works across processes).</summary>
    public TimeSpan LivePollInterval { get; set; } = TimeSpan.FromSeconds(1);

    public OidcOptions Oidc { get; set; } = new();
}
