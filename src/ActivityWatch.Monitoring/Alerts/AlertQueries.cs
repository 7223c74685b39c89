using Marten;

namespace ActivityWatch.Monitoring.Alerts;

/// <summary>Reads alerts for the CLI and the API.</summary>
public sealed class AlertQueries(IDocumentStore store)
{
    /// <param name="activeOnly">Open and acknowledged alerts only (what still needs someone).</param>
    public async Task<IReadOnlyList<Alert>> ListAsync(bool activeOnly, string? ruleId, string? severity, int limit, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        IQueryable<Alert> query = session.Query<Alert>();
        if (activeOnly) query = query.Where(a => a.Status == AlertStatus.Open || a.Status == AlertStatus.Acknowledged);
        if (ruleId is not null) query = query.Where(a => a.RuleId == ruleId);
        if (severity is not null) query = query.Where(a => a.Severity == severity);
        return await query.OrderByDescending(a => a.LastSeen).Take(limit).ToListAsync(cancellationToken);
    }

    public async Task<Alert?> FindAsync(Guid alertId, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        return await session.LoadAsync<Alert>(alertId.ToString(), cancellationToken);
    }
}
