namespace ActivityWatch.Monitoring.Records;

/// <summary>
/// How principals are named everywhere in ActivityWatch. Assumed-role sessions roll up to the
/// role ARN (the session name is kept beside it), root is the account's root ARN, AWS services
/// are their service principal ("lambda.amazonaws.com"), and unauthenticated S3 requests are
/// <see cref="Anonymous"/>.
/// </summary>
public static class Principals
{
    public const string Anonymous = "anonymous";
    public const string Unknown = "unknown";

    public static string Root(string accountId, string partition = "aws") => $"arn:{partition}:iam::{accountId}:root";

    /// <summary>The account field of an ARN (arn:partition:service:region:ACCOUNT:resource); null when it has none.</summary>
    public static string? AccountOf(string arn)
    {
        var parts = arn.Split(':');
        return parts.Length > 4 && parts[4].Length > 0 ? parts[4] : null;
    }

    /// <summary>
    /// arn:aws:sts::123456789012:assumed-role/Path/RoleName/session -> arn:aws:iam::123456789012:role/RoleName.
    /// The STS ARN drops the role's path, so the roll-up uses the session issuer's ARN when the
    /// record has one (it keeps the path), and this reconstruction only when it does not.
    /// </summary>
    public static (string RoleArn, string? SessionName) FromAssumedRoleArn(string arn)
    {
        var parts = arn.Split(':', 6);
        if (parts.Length < 6 || !parts[5].StartsWith("assumed-role/", StringComparison.Ordinal))
            return (arn, null);
        var resource = parts[5]["assumed-role/".Length..];
        var slash = resource.LastIndexOf('/');
        if (slash < 0) return ($"arn:{parts[1]}:iam::{parts[4]}:role/{resource}", null);
        return ($"arn:{parts[1]}:iam::{parts[4]}:role/{resource[..slash]}", resource[(slash + 1)..]);
    }

    public static bool IsRoot(string principal) => principal.EndsWith(":root", StringComparison.Ordinal);
}
