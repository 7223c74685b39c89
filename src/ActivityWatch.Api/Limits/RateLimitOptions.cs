namespace ActivityWatch.Api.Limits;

/// <summary>
/// "ActivityWatch:Api:RateLimit": per caller (API key or OIDC subject; the client address before
/// sign-in) and per process. The defaults leave people and scripts alone and stop a runaway loop.
/// </summary>
public sealed class RateLimitOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>Requests per caller per minute (a fixed window).</summary>
    public int PermitsPerMinute { get; set; } = 6_000;

    /// <summary>Requests one caller may have in flight at once (live streams are counted apart).</summary>
    public int ConcurrentRequests { get; set; } = 16;
}
