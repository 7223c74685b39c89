using ActivityWatch.Monitoring.Permissions.Catalog;
using ActivityWatch.Monitoring.Permissions.LastUsed;
using ActivityWatch.Monitoring.Permissions.Policies;

namespace ActivityWatch.Monitoring.Permissions.Reports;

/// <summary>Granted (from the evaluator) against used (from the last-used projection), for one principal.</summary>
public static class PermissionReportBuilder
{
    public static PermissionReport Build(
        string principal, string? accountId, DateTimeOffset asOf, DateTimeOffset? snapshotAt, int unusedDays,
        ActionCatalog catalog, EffectivePermissions permissions, IReadOnlyList<ActionUse> uses, IReadOnlyList<string> notes)
    {
        var cutoff = asOf.AddDays(-unusedDays);
        var byAction = uses.ToDictionary(u => u.Action, StringComparer.OrdinalIgnoreCase);
        var services = permissions.Granted
            .GroupBy(g => g.Info.Service, StringComparer.OrdinalIgnoreCase)
            .Select(service =>
            {
                var levels = service
                    .GroupBy(g => g.Info.Level)
                    .OrderByDescending(l => l.Key)
                    .Select(level => new AccessLevelGroup(AccessLevels.Name(level.Key), level.Select(g =>
                    {
                        var use = byAction.GetValueOrDefault(g.Action);
                        return new ActionStatus(g.Action, use?.LastUsed >= cutoff, use?.LastUsed, use?.Calls ?? 0,
                            use?.LastRegion, use?.LastNetwork, g.Info.Heuristic, g.Constraints);
                    }).ToList()))
                    .ToList();
                var all = levels.SelectMany(l => l.Actions).ToList();
                return new ServiceSummary(service.Key, all.Any(a => a.Used), all.Max(a => a.LastUsed), levels);
            })
            .OrderBy(s => s.Service, StringComparer.Ordinal)
            .ToList();
        var usedNotGranted = uses
            .Where(u => u.LastUsed is not null && !permissions.IsAllowed(u.Action))
            .Select(u => u.Action).Order(StringComparer.Ordinal).ToList();
        return new PermissionReport(principal, accountId, asOf, snapshotAt, unusedDays, catalog.Source, PolicyEvaluator.Scope,
            services, services.Where(s => !s.Used).Select(s => s.Service).ToList(), usedNotGranted, permissions.UnexpandedPatterns, notes);
    }
}
