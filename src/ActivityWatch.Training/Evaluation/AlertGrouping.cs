using ActivityWatch.Simulation;

namespace ActivityWatch.Training.Evaluation;

/// <summary>Turns flagged records into alerts the way the live scorer does, then counts them (see <see cref="DetectorResult"/>).</summary>
public static class AlertGrouping
{
    public static DetectorResult Measure(string detector, IReadOnlyList<TestRow> rows, Func<TestRow, bool> flagged, TimeSpan window)
    {
        var open = new Dictionary<string, (DateTimeOffset Last, int Index)>(StringComparer.Ordinal);
        var alerts = new List<HashSet<string>>();
        var detected = new HashSet<string>(StringComparer.Ordinal);
        var alertsPerScenario = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        long flaggedRecords = 0;
        foreach (var row in rows)
        {
            if (!flagged(row)) continue;
            flaggedRecords++;
            if (!open.TryGetValue(row.Principal, out var current) || row.Time - current.Last > window)
            {
                alerts.Add(new HashSet<string>(StringComparer.Ordinal));
                current = (row.Time, alerts.Count - 1);
            }
            open[row.Principal] = (row.Time, current.Index);
            if (row.Scenario is null) continue;
            alerts[current.Index].Add(row.Scenario);
            detected.Add(row.Scenario);
            if (!alertsPerScenario.TryGetValue(row.Scenario, out var indexes)) alertsPerScenario[row.Scenario] = indexes = [];
            indexes.Add(current.Index);
        }

        var injected = rows.Where(r => r.Scenario is not null).Select(r => r.Scenario!).Distinct().ToList();
        var scenarios = AttackKinds.All.Select(kind =>
        {
            var ids = injected.Where(id => KindOf(id) == kind).ToList();
            return new ScenarioResult(kind, ids.Count, ids.Count(detected.Contains),
                ids.SelectMany(id => alertsPerScenario.GetValueOrDefault(id) ?? []).Distinct().Count());
        }).ToList();
        var trueAlerts = alerts.Count(a => a.Count > 0);
        var principalDays = rows.Where(r => r.Scenario is null)
            .Select(r => (r.Principal, DateOnly.FromDateTime(r.Time.UtcDateTime))).Distinct().LongCount();
        return new DetectorResult(detector, scenarios, alerts.Count, trueAlerts, alerts.Count - trueAlerts, principalDays, flaggedRecords);
    }

    /// <summary>"attack-03-secrets-burst" -> "secrets-burst".</summary>
    public static string KindOf(string scenario) =>
        AttackKinds.All.FirstOrDefault(kind => scenario.EndsWith(kind, StringComparison.Ordinal)) ?? scenario;
}
