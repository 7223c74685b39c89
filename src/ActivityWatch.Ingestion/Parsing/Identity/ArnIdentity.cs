using ActivityWatch.Monitoring.Records;

namespace ActivityWatch.Ingestion.Parsing.Identity;

/// <summary>The normalised principal behind an IAM or STS ARN, as S3 access logs print the requester.</summary>
internal readonly record struct ArnIdentity(string IdentityType, string Principal, string? SessionName, string? AccountId)
{
    public static ArnIdentity FromArn(string arn)
    {
        var parts = arn.Split(':', 6);
        if (parts.Length < 6 || parts[0] != "arn") return new(IdentityTypes.Unknown, arn, null, null);
        var (partition, service, account, resource) = (parts[1], parts[2], parts[4], parts[5]);
        var accountId = account.Length > 0 ? account : null;
        if (service == "iam" && resource == "root" && accountId is not null)
            return new(IdentityTypes.Root, Principals.Root(accountId, partition), null, accountId);
        if (service == "iam" && resource.StartsWith("user/", StringComparison.Ordinal))
            return new(IdentityTypes.IamUser, arn, null, accountId);
        if (service == "sts" && resource.StartsWith("assumed-role/", StringComparison.Ordinal))
        {
            var (role, session) = Principals.FromAssumedRoleArn(arn);
            return new(IdentityTypes.AssumedRole, role, session, accountId);
        }
        if (service == "sts" && resource.StartsWith("federated-user/", StringComparison.Ordinal))
            return new(IdentityTypes.FederatedUser, arn, resource["federated-user/".Length..], accountId);
        return new(IdentityTypes.Unknown, arn, null, accountId);
    }

    public static string? Partition(string? arn)
    {
        if (arn is null || !arn.StartsWith("arn:", StringComparison.Ordinal)) return null;
        var end = arn.IndexOf(':', 4);
        return end > 4 ? arn[4..end] : null;
    }

    public static string? Account(string? arn)
    {
        if (arn is null) return null;
        var parts = arn.Split(':', 6);
        return parts.Length >= 6 && parts[4].Length > 0 ? parts[4] : null;
    }
}
