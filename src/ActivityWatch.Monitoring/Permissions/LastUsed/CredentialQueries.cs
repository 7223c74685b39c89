using ActivityWatch.Monitoring.Store;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ActivityWatch.Monitoring.Permissions.LastUsed;

/// <summary>Long-term credential use: last use per key and password, and hours with many source networks per key.</summary>
public sealed class CredentialQueries(NpgsqlDataSource dataSource, IOptions<PostgresOptions> postgres)
{
    private readonly string _table = $"{postgres.Value.Schema}.{PermissionUseTables.Credentials}";

    public async Task<IReadOnlyList<CredentialActivity>> AllAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"""
            SELECT principal, credential, min(first_used), max(last_used), sum(calls)::bigint,
                   count(DISTINCT date_trunc('day', hour)) FILTER (WHERE hour >= @since)::int, count(DISTINCT network)::int
            FROM {_table} GROUP BY principal, credential
            """, connection);
        command.Parameters.AddWithValue("since", now.AddDays(-30).UtcDateTime);
        var result = new List<CredentialActivity>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(new CredentialActivity(reader.GetString(0), reader.GetString(1), PermissionUseQueries.Time(reader, 2)!.Value,
                PermissionUseQueries.Time(reader, 3)!.Value, reader.GetInt64(4), reader.GetInt32(5), reader.GetInt32(6)));
        }
        return result;
    }

    /// <summary>Hours in which one access key was used from at least <paramref name="minNetworks"/> IP networks (service names excluded).</summary>
    public async Task<IReadOnlyList<SharedCredentialWindow>> SharedAsync(int minNetworks, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"""
            SELECT min(principal), credential, hour, array_agg(DISTINCT network ORDER BY network)
            FROM {_table}
            WHERE credential <> 'password' AND (network LIKE '%/24' OR network LIKE '%/48')
            GROUP BY credential, hour HAVING count(DISTINCT network) >= @min
            ORDER BY credential, hour
            """, connection);
        command.Parameters.AddWithValue("min", minNetworks);
        var result = new List<SharedCredentialWindow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(new SharedCredentialWindow(reader.GetString(0), reader.GetString(1),
                new DateTimeOffset(reader.GetDateTime(2), TimeSpan.Zero), reader.GetFieldValue<string[]>(3)));
        }
        return result;
    }
}
