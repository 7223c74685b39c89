using Marten;

namespace ActivityWatch.Monitoring.Alerts.Suppressions;

/// <summary>Adds, lists and removes suppression rules (documents); used by the CLI and the API.</summary>
public sealed class SuppressionRules(IDocumentStore store, TimeProvider time)
{
    public async Task<SuppressionRule> AddAsync(string ruleId, string? principal, string? sourceCidr, string note, string by, CancellationToken cancellationToken)
    {
        if (sourceCidr is not null && !SuppressionRule.TryParseNetwork(sourceCidr, out _))
            throw new ArgumentException($"'{sourceCidr}' is not an IP address or CIDR block.", nameof(sourceCidr));
        var rule = new SuppressionRule
        {
            Id = $"sup-{Guid.NewGuid():N}"[..12],
            RuleId = ruleId,
            Principal = principal,
            SourceCidr = sourceCidr,
            Note = note,
            CreatedBy = by,
            CreatedAt = time.GetUtcNow(),
        };
        await using var session = store.LightweightSession();
        session.Store(rule);
        await session.SaveChangesAsync(cancellationToken);
        return rule;
    }

    public async Task<IReadOnlyList<SuppressionRule>> ListAsync(CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        return await session.Query<SuppressionRule>().OrderBy(r => r.CreatedAt).ToListAsync(cancellationToken);
    }

    public async Task<bool> RemoveAsync(string id, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        if (await session.LoadAsync<SuppressionRule>(id, cancellationToken) is null) return false;
        session.Delete<SuppressionRule>(id);
        await session.SaveChangesAsync(cancellationToken);
        return true;
    }
}
