using ActivityWatch.Monitoring.Alerts;
using Marten;

namespace ActivityWatch.Api.Alerts;

/// <summary>The alert queue's filters over the alerts module's read model (the Alert document).</summary>
public sealed class AlertSearch(IDocumentStore store)
{
    public const string Active = "active";
    public const string All = "all";

    /// <summary>Most severe first, then newest activity first: the order a queue is worked in.</summary>
    public const string BySeverity = "severity";

    /// <summary>Newest activity first, whatever the severity.</summary>
    public const string ByRecency = "recent";

    /// <summary><paramref name="status"/>: active (open and acknowledged, the default), all, or one status; <paramref name="sort"/>: severity (default) or recent.</summary>
    public async Task<IReadOnlyList<Alert>> ListAsync(
        string? status, string? severity, string? ruleId, string? principal, int limit, CancellationToken cancellationToken, string? sort = null)
    {
        await using var session = store.QuerySession();
        var query = Filter(session.Query<Alert>(), status, ruleId, principal);
        if (!string.IsNullOrWhiteSpace(severity)) query = query.Where(a => a.Severity == severity);
        if (IsRecency(sort)) return await query.OrderByDescending(a => a.LastSeen).Take(limit).ToListAsync(cancellationToken);

        // Severity is text in the document: one query per level, critical first, each newest first,
        // fills the page in queue order without sorting every alert in memory.
        var result = new List<Alert>();
        foreach (var level in Severity.Ordered.Reverse())
        {
            if (result.Count >= limit) break;
            var levelQuery = query.Where(a => a.Severity == level);
            result.AddRange(await levelQuery.OrderByDescending(a => a.LastSeen).Take(limit - result.Count).ToListAsync(cancellationToken));
        }
        if (result.Count < limit)
        {
            string[] known = [.. Severity.Ordered];
            result.AddRange(await query.Where(a => !a.Severity.IsOneOf(known)).OrderByDescending(a => a.LastSeen).Take(limit - result.Count).ToListAsync(cancellationToken));
        }
        return result;
    }

    private static IQueryable<Alert> Filter(IQueryable<Alert> query, string? status, string? ruleId, string? principal)
    {
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
        if (!string.IsNullOrWhiteSpace(ruleId)) query = query.Where(a => a.RuleId == ruleId);
        if (!string.IsNullOrWhiteSpace(principal)) query = query.Where(a => a.Principal == principal);
        return query;
    }

    private static bool IsRecency(string? sort) => string.Equals(sort, ByRecency, StringComparison.OrdinalIgnoreCase);

    public static bool IsKnownSort(string? sort) =>
        sort is null || sort.Equals(BySeverity, StringComparison.OrdinalIgnoreCase) || IsRecency(sort);

    public static bool IsKnownStatus(string? status) =>
        status is null || status.Equals(Active, StringComparison.OrdinalIgnoreCase) || status.Equals(All, StringComparison.OrdinalIgnoreCase)
        || Enum.TryParse<AlertStatus>(status, true, out _);
}
