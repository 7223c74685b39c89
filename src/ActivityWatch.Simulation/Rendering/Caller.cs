namespace ActivityWatch.Simulation.Rendering;

/// <summary>Who makes a call and from where: everything userIdentity, sourceIPAddress and userAgent
/// need. A caller with temporary credentials is one session: a new sign-in makes a new caller.</summary>
internal sealed record Caller(IdentityType Type, string AccountId, string Principal, string SourceIp, string UserAgent)
{
    public string? PrincipalId { get; init; }

    public string? Arn { get; init; }

    public string? UserName { get; init; }

    public string? AccessKeyId { get; init; }

    /// <summary>The role behind an assumed-role session (sessionContext.sessionIssuer).</summary>
    public SimulatedRole? Issuer { get; init; }

    /// <summary>When the session began; null for long-term access keys, which carry no sessionContext.</summary>
    public DateTimeOffset? SessionCreated { get; init; }

    public bool MfaAuthenticated { get; init; }

    /// <summary>Set when an AWS service calls on the principal's behalf (userIdentity.invokedBy).</summary>
    public string? InvokedBy { get; init; }

    public string? VpcEndpointId { get; init; }

    /// <summary>Credentials from a console sign-in: CloudTrail adds sessionCredentialFromConsole.</summary>
    public bool ConsoleSession { get; init; }

    public string? IdentityProvider { get; init; }

    /// <summary>Whether the address is an AWS service name rather than an IP (no TLS details then).</summary>
    public bool CallsFromAwsService => InvokedBy is not null || Type is IdentityType.AwsService or IdentityType.ServiceEvent;
}
