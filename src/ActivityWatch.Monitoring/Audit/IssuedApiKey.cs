namespace ActivityWatch.Monitoring.Audit;

/// <summary>A new key and its secret: the only time the secret exists outside the caller.</summary>
public sealed record IssuedApiKey(ApiKey Key, string Secret);
