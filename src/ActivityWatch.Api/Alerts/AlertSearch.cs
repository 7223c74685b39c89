using ActivityWatch.Monitoring.Alerts;
using Marten;

namespace ActivityWatch.Api.Alerts;

/// <summary>The alert queue's filters over the alerts module's read model (the Alert document).</summary>
public sealed class AlertSearch(IDocumentStore store)
{
    public const string Active = "active";
    public const string All = "all";

    /// <summary>Newest activity first. <paramref name="status"/>: active (open and acknowledged, the default), all, or one status.</summary>
    public async Task<IReadOnlyList<Alert>> ListAsync(string? status, string? severity, string? ruleId, string? principal, int limit, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        IQueryable<Alert> query = session.Query<Alert>();
        switch (status?.ToLowerInvariant() ?? Active)
        {
            case Active:
                query = query.Where(a => a.Status == AlertStatus.Open || a.Status == AlertStatus.Acknowledged);
                break;
            case All:
                break;
            case var one when Enum.TryParse<AlertStatus>(one, true, out var parsed):
                query = query.Where(a => a.Status == parsed);
                break;
            default:
                throw new ArgumentException($"Unknown status '{status}'.", nameof(status));
        }
        if (!string.IsNullOrWhiteSpace(severity)) query = query.Where(a => a.Severity == severity);
        if (!string.IsNullOrWhiteSpace(ruleId)) query = query.Where(a => a.RuleId == ruleId);
        if (!string.IsNullOrWhiteSpace(principal)) query = query.Where(a => a.Principal == principal);
        return await query.OrderByDescending(a => a.LastSeen).Take(limit).ToListAsync(cancellationToken);
    }

    public static bool IsKnownStatus(string? status) =>
        status is null || status.Equals(Active, StringComparison.OrdinalIgnoreCase) || status.Equals(All, StringComparison.OrdinalIgnoreCase)
        || Enum.TryParse<AlertStatus>(status, true, out _);
}
