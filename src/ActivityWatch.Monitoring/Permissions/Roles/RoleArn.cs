namespace ActivityWatch.Monitoring.Permissions.Roles;

/// <summary>
/// An IAM role ARN taken apart: arn:PARTITION:iam::ACCOUNT:role/PATH/NAME. The role name is the
/// last segment; the path is what S3 server access logs leave out (they print the STS session
/// ARN, arn:aws:sts::ACCOUNT:assumed-role/NAME/SESSION, which has no path).
/// </summary>
public readonly record struct RoleArn(string Partition, string Account, string Path, string Name)
{
    public string Arn => $"arn:{Partition}:iam::{Account}:role{Path}{Name}";

    /// <summary>The form an access log gives the role: no path.</summary>
    public string Pathless => $"arn:{Partition}:iam::{Account}:role/{Name}";

    public bool HasPath => Path != "/";

    public static bool TryParse(string? arn, out RoleArn role)
    {
        role = default;
        if (arn is null || !arn.StartsWith("arn:", StringComparison.Ordinal)) return false;
        var parts = arn.Split(':', 6);
        if (parts.Length < 6 || parts[2] != "iam" || parts[4].Length == 0 || !parts[5].StartsWith("role/", StringComparison.Ordinal)) return false;
        var resource = parts[5]["role".Length..];
        var slash = resource.LastIndexOf('/');
        var name = resource[(slash + 1)..];
        if (name.Length == 0) return false;
        role = new RoleArn(parts[1], parts[4], resource[..(slash + 1)], name);
        return true;
    }
}
