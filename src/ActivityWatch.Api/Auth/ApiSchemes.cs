namespace ActivityWatch.Api.Auth;

public static class ApiSchemes
{
    /// <summary>Picks API key or OIDC per request from the credential's shape.</summary>
    public const string Selector = "ActivityWatch";
    public const string ApiKey = "ApiKey";
    public const string Oidc = "Oidc";
}
