namespace ActivityWatch.Simulation.Rendering;

/// <summary>The caller shapes the simulation uses, one per way of holding credentials.</summary>
internal static class Callers
{
    /// <summary>A long-term AKIA key: no sessionContext, as CloudTrail logs it.</summary>
    public static Caller UserKey(SimulatedUser user, string ip, string userAgent) =>
        new(IdentityType.IamUser, user.AccountId, user.Arn, ip, userAgent)
        {
            PrincipalId = user.PrincipalId,
            Arn = user.Arn,
            UserName = user.Name,
            AccessKeyId = user.AccessKeyId,
        };

    public static Caller UserConsole(SimulatedUser user, string ip, string userAgent, DateTimeOffset created, string sessionKey) =>
        UserKey(user, ip, userAgent) with
        {
            AccessKeyId = sessionKey,
            SessionCreated = created,
            MfaAuthenticated = user.HasMfa,
            ConsoleSession = true,
        };

    /// <summary>The identity on the ConsoleLogin record itself: no key yet.</summary>
    public static Caller UserSignIn(SimulatedUser user, string ip, string userAgent) =>
        UserKey(user, ip, userAgent) with { AccessKeyId = null };

    /// <summary>A failed sign-in; AWS hides user names that do not exist.</summary>
    public static Caller FailedSignIn(string accountId, SimulatedUser? user, string ip, string userAgent)
    {
        var name = user?.Name ?? "HIDDEN_DUE_TO_SECURITY_REASONS";
        return new Caller(IdentityType.IamUser, accountId, $"arn:aws:iam::{accountId}:user/{name}", ip, userAgent)
        {
            PrincipalId = user?.PrincipalId,
            UserName = name,
            AccessKeyId = "",
        };
    }

    public static Caller Role(SimulatedRole role, string session, string ip, string userAgent, DateTimeOffset created, string sessionKey) =>
        new(IdentityType.AssumedRole, role.AccountId, role.Arn, ip, userAgent)
        {
            PrincipalId = $"{role.RoleId}:{session}",
            Arn = role.AssumedRoleArn(session),
            AccessKeyId = sessionKey,
            Issuer = role,
            SessionCreated = created,
        };

    public static Caller Root(SimulatedAccount account, string ip, string userAgent, DateTimeOffset? created, string? key) =>
        new(IdentityType.Root, account.Id, account.RootArn, ip, userAgent)
        {
            PrincipalId = account.Id,
            Arn = account.RootArn,
            AccessKeyId = key,
            SessionCreated = created,
            MfaAuthenticated = true,
            ConsoleSession = created is not null,
        };

    /// <summary>An AWS service calling STS for itself (AssumeRole of an execution role).</summary>
    public static Caller Service(string accountId, string service) =>
        new(IdentityType.AwsService, accountId, service, service, service) { InvokedBy = service };

    public static Caller ServiceEvent(string accountId, string service) =>
        new(IdentityType.ServiceEvent, accountId, service, service, service) { InvokedBy = service };

    public static Caller Saml(string accountId, string email, SimulatedRole role, string ip, string userAgent, string provider) =>
        new(IdentityType.SamlUser, accountId, role.Arn, ip, userAgent) { UserName = email, IdentityProvider = provider };

    public static Caller Anonymous(string ip, string userAgent) =>
        new(IdentityType.Anonymous, "-", "anonymous", ip, userAgent);
}
