using ActivityWatch.Monitoring.Store;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ActivityWatch.Monitoring.Integrity;

/// <summary>Each trail's verification state, as the verifier left it on any node.</summary>
public sealed class IntegrityStatusQueries(NpgsqlDataSource dataSource, IOptions<PostgresOptions> postgres)
{
    public async Task<IReadOnlyList<TrailIntegrity>> ListAsync(CancellationToken cancellationToken)
    {
        var schema = postgres.Value.Schema;
        await using var command = dataSource.CreateCommand($"""
            SELECT d.trail, min(d.trail_arn), min(d.account_id), min(d.region), min(d.trail_name),
                   max(d.end_time) FILTER (WHERE d.verdict = 'verified'), max(d.end_time),
                   count(*), count(*) FILTER (WHERE d.verdict = 'verified'), count(*) FILTER (WHERE d.verdict = 'failed'),
                   count(*) FILTER (WHERE d.verdict IS NULL), count(*) FILTER (WHERE d.signature_state = 'valid'),
                   (SELECT count(*) FROM {schema}.{IntegrityTables.Findings} f WHERE f.trail = d.trail),
                   (SELECT f.kind || ': ' || f.subject FROM {schema}.{IntegrityTables.Findings} f WHERE f.trail = d.trail ORDER BY f.found_at DESC, f.id LIMIT 1)
            FROM {schema}.{IntegrityTables.Digests} d
            GROUP BY d.trail
            ORDER BY d.trail
            """);
        var trails = new List<TrailIntegrity>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
            DateTimeOffset? Time(int i) => reader.IsDBNull(i) ? null : reader.GetFieldValue<DateTimeOffset>(i);
            trails.Add(new TrailIntegrity
            {
                Trail = reader.GetString(0),
                TrailArn = reader.GetString(1),
                AccountId = Text(2),
                Region = Text(3),
                TrailName = Text(4),
                VerifiedThrough = Time(5),
                NewestDigest = Time(6),
                Digests = reader.GetInt64(7),
                Verified = reader.GetInt64(8),
                Failed = reader.GetInt64(9),
                Pending = reader.GetInt64(10),
                SignaturesValid = reader.GetInt64(11),
                Findings = reader.GetInt64(12),
                LastFinding = Text(13),
            });
        }
        return trails;
    }
}
