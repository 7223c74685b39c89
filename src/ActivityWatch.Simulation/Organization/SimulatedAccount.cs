namespace ActivityWatch.Simulation;

/// <param name="CanonicalUserId">The 64-hex S3 canonical id that S3 access logs print as bucket owner.</param>
public sealed record SimulatedAccount(
    string Id,
    string Alias,
    string CanonicalUserId,
    string TrailName,
    string TrailBucket,
    string DigestKeyFingerprint,
    IReadOnlyList<string> Regions,
    IReadOnlyList<SimulatedUser> Users,
    IReadOnlyList<SimulatedRole> Roles,
    IReadOnlyList<SimulatedBucket> Buckets)
{
    public string RootArn => $"arn:aws:iam::{Id}:root";

    public string TrailArn => $"arn:aws:cloudtrail:{Regions[0]}:{Id}:trail/{TrailName}";

    /// <summary>IAM, STS global endpoint and console sign-in events are logged in us-east-1 when the
    /// trail covers it; with other regions only, the first region stands in.</summary>
    public string GlobalRegion => Regions.Contains("us-east-1") ? "us-east-1" : Regions[0];
}
