using ActivityWatch.Simulation.Estate;

namespace ActivityWatch.Training.Evaluation;

/// <summary>Turns flagged records into alerts the way the live scorer does, then counts them (see <see cref="DetectorResult"/>).</summary>
public static class AlertGrouping
{
    public static DetectorResult Measure(string detector, IReadOnlyList<TestRow> rows, IReadOnlyList<EstateAttack> attacks, TimeSpan window)
    {
        var open = new Dictionary<string, (DateTimeOffset Last, int Index)>(StringComparer.Ordinal);
        var alerts = new List<HashSet<string>>();
        var detected = new HashSet<string>(StringComparer.Ordinal);
        long flaggedRecords = 0;
        foreach (var row in rows)
        {
            if (!row.Flagged) continue;
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
        }

        // Every planned attack counts, even one whose records all fell to warm-up: a miss is a miss.
        var injected = attacks.Select((a, i) => (Id: EstateAttackKinds.ScenarioId(i, a.Kind), a.Kind, a.Variant)).ToList();
        var scenarios = EstateAttackKinds.All.Select(kind =>
        {
            var ids = injected.Where(x => x.Kind == kind).ToList();
            return new ScenarioResult(kind, ids.Count, ids.Count(x => detected.Contains(x.Id)),
                ids.Count(x => x.Variant == 1), ids.Count(x => x.Variant == 1 && detected.Contains(x.Id)));
        }).ToList();
        var trueAlerts = alerts.Count(a => a.Count > 0);
        var principalDays = rows.Where(r => r.Scenario is null)
            .Select(r => (r.Principal, DateOnly.FromDateTime(r.Time.UtcDateTime))).Distinct().LongCount();
        return new DetectorResult(detector, scenarios, alerts.Count, trueAlerts, alerts.Count - trueAlerts, principalDays, flaggedRecords);
    }
}
