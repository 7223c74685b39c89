using System.Security.Claims;
using ActivityWatch.Monitoring.Audit;

namespace ActivityWatch.Api.Auth;

/// <summary>
/// The analyst a validated OIDC token stands for, built afresh from the claims ActivityWatch reads:
/// nothing else in the token (a claim named like a role, or like our own method claim) reaches authorisation.
/// </summary>
public static class OidcPrincipal
{
    public const string Method = "oidc";

    /// <returns>Null when the token names no subject: without one, two people could not be told apart in the audit trail.</returns>
    public static ClaimsPrincipal? From(ClaimsPrincipal token, DateTimeOffset expires, OidcOptions options)
    {
        if (token.FindFirstValue("sub") is not { Length: > 0 } subject) return null;
        var id = $"oidc:{subject}";
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, id),
            new(ClaimTypes.Name, token.FindFirstValue(options.NameClaim) is { Length: > 0 } name ? name : id),
            new(Analyst.MethodClaim, Method),
            new(Analyst.ExpiresClaim, expires.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        var roles = token.FindAll(options.RoleClaim)
            .Select(claim => options.RoleMap.GetValueOrDefault(claim.Value))
            .Where(role => role is not null && AnalystRoles.IsKnown(role))
            .Distinct();
        claims.AddRange(roles.Select(role => new Claim(ClaimTypes.Role, role!)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, ApiSchemes.Oidc, ClaimTypes.Name, ClaimTypes.Role));
    }
}
