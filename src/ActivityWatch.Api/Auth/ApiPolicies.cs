namespace ActivityWatch.Api.Auth;

/// <summary>Authorisation policies: each admits its role and every role above it.</summary>
public static class ApiPolicies
{
    public const string Read = "read";
    public const string Respond = "respond";
    public const string Administer = "administer";
}
