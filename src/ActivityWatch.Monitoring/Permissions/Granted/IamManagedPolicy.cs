namespace ActivityWatch.Monitoring.Permissions.Granted;

/// <summary>A managed policy with its versions (version id to document JSON) and which one is the default.</summary>
public sealed record IamManagedPolicy(
    string Arn,
    string Name,
    string? DefaultVersionId,
    IReadOnlyDictionary<string, string> Versions);
