namespace ActivityWatch.Monitoring.Permissions.LastUsed;

/// <summary>One hour in which one access key was used from many source networks.</summary>
public sealed record SharedCredentialWindow(string Principal, string Credential, DateTimeOffset Hour, IReadOnlyList<string> Networks);
