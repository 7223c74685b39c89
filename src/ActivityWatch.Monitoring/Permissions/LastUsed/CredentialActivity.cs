namespace ActivityWatch.Monitoring.Permissions.LastUsed;

/// <summary>A long-term credential's use: an access key id, or "password" for console sign-in.</summary>
public sealed record CredentialActivity(
    string Principal,
    string Credential,
    DateTimeOffset FirstUsed,
    DateTimeOffset LastUsed,
    long Calls,
    int ActiveDaysLast30,
    int Networks);
