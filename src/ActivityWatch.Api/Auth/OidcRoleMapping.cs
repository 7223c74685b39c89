using System.Security.Claims;
using ActivityWatch.Monitoring.Audit;

namespace ActivityWatch.Api.Auth;

/// <summary>Adds ActivityWatch role claims for the role (or group) values an OIDC token carries.</summary>
public static class OidcRoleMapping
{
    public static void Apply(ClaimsPrincipal principal, OidcOptions options)
    {
        if (principal.Identity is not ClaimsIdentity identity) return;
        var mapped = new HashSet<string>();
        foreach (var claim in principal.FindAll(options.RoleClaim).ToList())
        {
            var role = options.RoleMap.GetValueOrDefault(claim.Value) ?? claim.Value.ToLowerInvariant();
            if (AnalystRoles.IsKnown(role)) mapped.Add(role);
        }
        foreach (var role in mapped) identity.AddClaim(new Claim(ClaimTypes.Role, role));
        if (principal.FindFirst(options.NameClaim) is { } name) identity.AddClaim(new Claim(ClaimTypes.Name, name.Value));
        identity.AddClaim(new Claim(ApiKeyAuthenticationHandler.MethodClaim, "oidc"));
    }
}
