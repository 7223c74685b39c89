namespace ActivityWatch.Simulation;

/// <param name="DataEventsLogged">The trail records S3 data events (GetObject, PutObject) for this bucket.</param>
/// <param name="Public">Serves anonymous GETs (a static assets bucket), so access logs show requester "-".</param>
/// <param name="Prefixes">Key prefixes objects live under, so keys look like a real bucket's.</param>
public sealed record SimulatedBucket(
    string AccountId,
    string Name,
    string Region,
    bool DataEventsLogged,
    bool Public,
    IReadOnlyList<string> Prefixes)
{
    public string Arn => $"arn:aws:s3:::{Name}";
}
