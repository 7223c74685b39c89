namespace ActivityWatch.Monitoring.Records;

/// <summary>CloudTrail userIdentity.type values, plus the two ActivityWatch adds.</summary>
public static class IdentityTypes
{
    public const string Root = "Root";
    public const string IamUser = "IAMUser";
    public const string AssumedRole = "AssumedRole";
    public const string FederatedUser = "FederatedUser";
    public const string AwsService = "AWSService";
    public const string AwsAccount = "AWSAccount";
    public const string IdentityCenterUser = "IdentityCenterUser";
    public const string SamlUser = "SAMLUser";
    public const string WebIdentityUser = "WebIdentityUser";
    public const string Unknown = "Unknown";

    /// <summary>An unauthenticated S3 request (requester "-" in the server access log).</summary>
    public const string Anonymous = "Anonymous";
}
