namespace ActivityWatch.Monitoring.Permissions.Roles;

/// <summary>A role ARN known from CloudTrail (the session issuer, with its path) or an IAM import, and the latest time it was known.</summary>
public sealed record RoleCandidate(string Arn, DateTimeOffset KnownAt, string Source)
{
    public const string CloudTrail = "cloudtrail";
    public const string Import = "iam-import";
}
