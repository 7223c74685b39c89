using System.Security.Claims;
using ActivityWatch.Monitoring.Audit;

namespace ActivityWatch.Api.Auth;

/// <summary>Who is calling, as the audit trail and alert actions name them.</summary>
public sealed record Analyst(string Name, string Role, string Method)
{
    public static Analyst From(ClaimsPrincipal user)
    {
        var name = user.FindFirstValue(ClaimTypes.Name) ?? user.FindFirstValue("sub") ?? "unknown";
        var role = AnalystRoles.All.LastOrDefault(user.IsInRole) ?? "none";
        var method = user.FindFirstValue(ApiKeyAuthenticationHandler.MethodClaim) ?? "unknown";
        return new Analyst(method == "apikey" ? $"key:{name}" : name, role, method);
    }
}
