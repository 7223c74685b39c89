using System.Security.Claims;
using ActivityWatch.Monitoring.Audit;

namespace ActivityWatch.Api.Auth;

/// <summary>
/// Who is calling. <see cref="Id"/> tells callers apart ("key:{key id}", "oidc:{subject}"): two keys
/// named "alice" are two analysts. <see cref="Name"/> is for people (the key's name, the token's user name).
/// </summary>
public sealed record Analyst(string Id, string Name, string Role, string Method)
{
    public const string MethodClaim = "aw_auth";

    /// <summary>When an OIDC token stops being valid (Unix seconds): the live stream closes then.</summary>
    public const string ExpiresClaim = "aw_expires";

    public static Analyst From(ClaimsPrincipal user)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "unknown";
        var name = user.FindFirstValue(ClaimTypes.Name) ?? id;
        var role = AnalystRoles.All.LastOrDefault(user.IsInRole) ?? "none";
        var method = user.FindFirstValue(MethodClaim) ?? "unknown";
        return new Analyst(id, name, role, method);
    }

    public AuditActor Actor => new(Id, Name, Role);

    /// <summary>For a write path that appends the audit entry in its own transaction.</summary>
    public AuditedAction Doing(string action) => new(Actor, action);

    /// <summary>The entry for an action that changes nothing else (a download).</summary>
    public AnalystActed Entry(string action, string target, string? detail, DateTimeOffset at) => Doing(action).Entry(target, detail, at);
}
