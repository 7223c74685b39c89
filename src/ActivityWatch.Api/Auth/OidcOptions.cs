namespace ActivityWatch.Api.Auth;

/// <summary>
/// "ActivityWatch:Api:Oidc": bearer tokens from an OpenID Connect issuer, used when
/// <see cref="Authority"/> is set. Role claim values map to ActivityWatch roles through
/// <see cref="RoleMap"/> (identity for "viewer", "responder", "admin").
/// </summary>
public sealed class OidcOptions
{
    public string? Authority { get; set; }
    public string? Audience { get; set; }

    /// <summary>The claim that carries roles or groups ("roles" for Entra ID, "groups" for many others).</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>The claim that names the analyst in the audit trail.</summary>
    public string NameClaim { get; set; } = "preferred_username";

    /// <summary>Claim value to role, e.g. "SOC-Leads" = "admin".</summary>
    public Dictionary<string, string> RoleMap { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Only for an issuer on plain HTTP in a lab; never in production.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);
}
