using System.Security.Cryptography;
using System.Text;
using Marten;

namespace ActivityWatch.Monitoring.Audit;

/// <summary>Issues, lists, revokes and checks API keys; issuing and revoking go to the audit trail.</summary>
public sealed class ApiKeys(IDocumentStore store, TimeProvider time)
{
    public const string SecretPrefix = "aw_";

    /// <summary>The CLI's operator, who has database access and so acts as admin.</summary>
    public Task<IssuedApiKey> CreateAsync(string name, string role, string by, CancellationToken cancellationToken) =>
        CreateAsync(name, role, new AuditActor(by, by, AnalystRoles.Admin), cancellationToken);

    public async Task<IssuedApiKey> CreateAsync(string name, string role, AuditActor by, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("A key needs a name.", nameof(name));
        if (!AnalystRoles.IsKnown(role)) throw new ArgumentException($"Unknown role '{role}': {string.Join(", ", AnalystRoles.All)}.", nameof(role));
        var secret = SecretPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var key = new ApiKey
        {
            Id = Guid.CreateVersion7(),
            Name = name.Trim(),
            Role = role,
            Hash = Hash(secret),
            Prefix = secret[..10],
            CreatedAt = time.GetUtcNow(),
            CreatedBy = by.Label,
        };
        await using var session = store.LightweightSession();
        session.Store(key);
        AuditTrail.Append(session, new AuditedAction(by, "apikey.create").Entry($"apikey/{key.Id}", $"{key.Name} ({role})", key.CreatedAt));
        await session.SaveChangesAsync(cancellationToken);
        return new IssuedApiKey(key, secret);
    }

    public async Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        return await session.Query<ApiKey>().OrderBy(k => k.CreatedAt).ToListAsync(cancellationToken);
    }

    /// <summary>False when there is no such key or it was already revoked.</summary>
    public Task<bool> RevokeAsync(Guid id, string by, CancellationToken cancellationToken) =>
        RevokeAsync(id, new AuditActor(by, by, AnalystRoles.Admin), cancellationToken);

    public async Task<bool> RevokeAsync(Guid id, AuditActor by, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        var key = await session.LoadAsync<ApiKey>(id, cancellationToken);
        if (key is null || !key.IsActive) return false;
        key.RevokedAt = time.GetUtcNow();
        key.RevokedBy = by.Label;
        session.Store(key);
        AuditTrail.Append(session, new AuditedAction(by, "apikey.revoke").Entry($"apikey/{key.Id}", key.Name, key.RevokedAt.Value));
        await session.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>The active key with this secret, or null.</summary>
    public async Task<ApiKey?> AuthenticateAsync(string secret, CancellationToken cancellationToken)
    {
        if (!secret.StartsWith(SecretPrefix, StringComparison.Ordinal) || secret.Length > 100) return null;
        var hash = Hash(secret);
        await using var session = store.QuerySession();
        var key = await session.Query<ApiKey>().Where(k => k.Hash == hash).FirstOrDefaultAsync(cancellationToken);
        return key is { IsActive: true } ? key : null;
    }

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
