namespace ActivityWatch.Anomalies.Features;

/// <summary>What kind of network a source address is in. Only Aws and Hosting come from a published
/// list; a corporate office and a home look alike from outside (both Public), so the profile tells them apart.</summary>
public enum NetworkKind
{
    None,
    Public,
    Private,
    AwsService,
    Aws,
    Hosting,
}
