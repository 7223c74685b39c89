using System.Globalization;
using ActivityWatch.Monitoring.Audit;
using Microsoft.AspNetCore.Http;

namespace ActivityWatch.Api.Auth;

/// <summary>
/// Asks again whether the credential a long request signed in with still holds: the API key is
/// still active (not revoked since), the OIDC token not expired. Authentication itself runs once
/// per request, which for a live stream may last hours.
/// </summary>
public sealed class CallerCredentials(ApiKeys keys, TimeProvider time)
{
    public async Task<bool> StillValidAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var analyst = Analyst.From(context.User);
        switch (analyst.Method)
        {
            case ApiKeyAuthenticationHandler.Method:
                if (ApiKeyAuthenticationHandler.ReadKey(context.Request) is not { } secret) return false;
                var key = await keys.AuthenticateAsync(secret, cancellationToken);
                return key is not null && $"key:{key.Id}" == analyst.Id;
            case OidcPrincipal.Method:
                return long.TryParse(context.User.FindFirst(Analyst.ExpiresClaim)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
                       && time.GetUtcNow() < DateTimeOffset.FromUnixTimeSeconds(expires);
            default:
                return false;
        }
    }
}
