namespace ActivityWatch.Monitoring.Audit;

/// <summary>
/// An analyst (a person behind an API key or an OIDC login, or the CLI's operator) changed
/// something: acknowledged an alert, revoked a key, downloaded a generated policy. Appended to a
/// stream per UTC day ("audit:2026-11-02") so the trail reads in order and never contends with ingest.
/// <see cref="Actor"/> is stable and unique ("key:{key id}", "oidc:{subject}", "cli:{user}"): two keys
/// both named "alice" are two actors. <see cref="ActorName"/> is what people call it (the key's name,
/// the token's user name); entries written before it existed have none.
/// </summary>
public sealed record AnalystActed(
    string Actor,
    string Role,
    string Action,
    string Target,
    string? Detail,
    DateTimeOffset At,
    string? ActorName = null);
