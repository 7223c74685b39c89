using ActivityWatch.Monitoring.Audit;

namespace ActivityWatch.Api.Auth;

/// <summary>
/// "ActivityWatch:Api:Oidc": bearer tokens from an OpenID Connect issuer, used when
/// <see cref="Authority"/> is set. Only the claim values listed in <see cref="RoleMap"/> give a
/// role: a token whose groups say "admin" is no admin unless "admin" is mapped.
/// </summary>
public sealed class OidcOptions
{
    public string? Authority { get; set; }

    /// <summary>Required with an authority: without it a token the same issuer minted for any other application would sign in.</summary>
    public string? Audience { get; set; }

    /// <summary>The claim that carries roles or groups ("roles" for Entra ID, "groups" for many others).</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>The claim that names the analyst to people; the audit trail tells analysts apart by the token's subject.</summary>
    public string NameClaim { get; set; } = "preferred_username";

    /// <summary>Claim value to role, e.g. "SOC-Leads" = "admin". Nothing else maps.</summary>
    public Dictionary<string, string> RoleMap { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Only for an issuer on plain HTTP in a lab; never in production.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Leeway for clocks that disagree when checking a token's lifetime.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(1);

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);

    /// <summary>Why this configuration cannot run, or null.</summary>
    public string? Problem()
    {
        if (!Enabled) return null;
        if (string.IsNullOrWhiteSpace(Audience))
            return "ActivityWatch:Api:Oidc:Audience is required when ActivityWatch:Api:Oidc:Authority is set " +
                   "(env ActivityWatch__Api__Oidc__Audience): without it a token the issuer minted for any other application would be accepted.";
        var unknown = RoleMap.Where(m => !AnalystRoles.IsKnown(m.Value)).Select(m => $"{m.Key}={m.Value}").ToList();
        if (unknown.Count > 0)
            return $"ActivityWatch:Api:Oidc:RoleMap maps to roles that do not exist ({string.Join(", ", unknown)}); roles are {string.Join(", ", AnalystRoles.All)}.";
        return null;
    }
}
