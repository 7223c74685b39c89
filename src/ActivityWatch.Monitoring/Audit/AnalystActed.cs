namespace ActivityWatch.Monitoring.Audit;

/// <summary>
/// An analyst (a person behind an API key or an OIDC login, or the CLI's operator) changed
/// something: acknowledged an alert, revoked a key, downloaded a generated policy. Appended to a
/// stream per UTC day ("audit:2026-11-02") so the trail reads in order and never contends with ingest.
/// </summary>
public sealed record AnalystActed(
    string Actor,
    string Role,
    string Action,
    string Target,
    string? Detail,
    DateTimeOffset At);
