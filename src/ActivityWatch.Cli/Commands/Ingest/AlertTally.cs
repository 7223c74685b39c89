using ActivityWatch.Monitoring.Alerts;
using Marten;
using Npgsql;

namespace ActivityWatch.Cli.Commands.Ingest;

/// <summary>Alerts per severity, counted before and after an ingest: the difference is what the ingest raised.</summary>
public sealed record AlertTally(IReadOnlyDictionary<string, long> BySeverity, long Suppressed)
{
    public long Total => BySeverity.Values.Sum();

    public static async Task<AlertTally> CountAsync(IDocumentStore store, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"SELECT data ->> 'severity', count(*), count(*) FILTER (WHERE data ->> 'status' = 'Suppressed') FROM {store.Options.Schema.For<Alert>()} GROUP BY 1");
        var bySeverity = new Dictionary<string, long>(StringComparer.Ordinal);
        long suppressed = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            bySeverity[reader.IsDBNull(0) ? "unknown" : reader.GetString(0)] = reader.GetInt64(1);
            suppressed += reader.GetInt64(2);
        }
        return new AlertTally(bySeverity, suppressed);
    }

    /// <summary>What was raised between <paramref name="before"/> and this tally, most severe first.</summary>
    public AlertTally Since(AlertTally before) => new(
        Severity.Ordered.Reverse().Concat(BySeverity.Keys.Except(Severity.Ordered))
            .Select(s => (s, BySeverity.GetValueOrDefault(s) - before.BySeverity.GetValueOrDefault(s)))
            .Where(p => p.Item2 > 0)
            .ToDictionary(p => p.s, p => p.Item2),
        Math.Max(0, Suppressed - before.Suppressed));

    /// <summary>"47 alerts raised: 1 critical, 4 high, 23 medium, 19 low".</summary>
    public string Describe() =>
        Total == 0 ? "no alerts raised"
            : $"{Total} alert{(Total == 1 ? "" : "s")} raised: {string.Join(", ", BySeverity.Select(p => $"{p.Value} {p.Key}"))}" +
              (Suppressed > 0 ? $" ({Suppressed} of them suppressed by a rule)" : "");
}
