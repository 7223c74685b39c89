using ActivityWatch.Monitoring.Audit;
using Marten;

namespace ActivityWatch.Monitoring.Alerts.Suppressions;

/// <summary>Adds, lists and removes suppression rules (documents); used by the CLI and the API.</summary>
public sealed class SuppressionRules(IDocumentStore store, TimeProvider time)
{
    public Task<SuppressionRule> AddAsync(string ruleId, string? principal, string? sourceCidr, string note, string by, CancellationToken cancellationToken) =>
        AddAsync(ruleId, principal, sourceCidr, note, by, null, cancellationToken);

    /// <summary>With <paramref name="audit"/>, its entry commits in the same transaction as the rule.</summary>
    public async Task<SuppressionRule> AddAsync(
        string ruleId, string? principal, string? sourceCidr, string note, string by, AuditedAction? audit, CancellationToken cancellationToken)
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
        if (audit is not null)
            AuditTrail.Append(session, audit.Entry($"suppression/{rule.Id}", $"{rule.RuleId} {rule.Principal} {rule.SourceCidr}: {rule.Note}".Trim(), rule.CreatedAt));
        await session.SaveChangesAsync(cancellationToken);
        return rule;
    }

    public async Task<IReadOnlyList<SuppressionRule>> ListAsync(CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        return await session.Query<SuppressionRule>().OrderBy(r => r.CreatedAt).ToListAsync(cancellationToken);
    }

    public Task<bool> RemoveAsync(string id, CancellationToken cancellationToken) => RemoveAsync(id, null, cancellationToken);

    /// <summary>With <paramref name="audit"/>, its entry commits in the same transaction as the removal.</summary>
    public async Task<bool> RemoveAsync(string id, AuditedAction? audit, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        if (await session.LoadAsync<SuppressionRule>(id, cancellationToken) is not { } rule) return false;
        session.Delete<SuppressionRule>(id);
        if (audit is not null)
            AuditTrail.Append(session, audit.Entry($"suppression/{id}", $"{rule.RuleId} {rule.Principal} {rule.SourceCidr}: {rule.Note}".Trim(), time.GetUtcNow()));
        await session.SaveChangesAsync(cancellationToken);
        return true;
    }
}
