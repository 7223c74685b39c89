namespace ActivityWatch.Monitoring.Audit;

/// <summary>
/// An API key as stored: only the SHA-256 of the secret is kept (the secret is 32 random bytes,
/// so a fast hash is enough; there is nothing to brute-force), and the prefix so people can tell keys apart.
/// </summary>
public sealed class ApiKey
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string Role { get; set; } = AnalystRoles.Viewer;

    /// <summary>Lowercase hex SHA-256 of the whole secret ("aw_..."), indexed for sign-in.</summary>
    public string Hash { get; set; } = "";

    /// <summary>The secret's first characters, e.g. "aw_Xy12Ab".</summary>
    public string Prefix { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset? RevokedAt { get; set; }
    public string? RevokedBy { get; set; }

    public bool IsActive => RevokedAt is null;
}
