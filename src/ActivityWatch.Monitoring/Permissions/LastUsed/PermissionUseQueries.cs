using ActivityWatch.Monitoring.Store;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ActivityWatch.Monitoring.Permissions.LastUsed;

/// <summary>
/// Reads the last-used tables. Without a period it reads the all-time table (one row per
/// principal and action: what the reports over every principal need to stay fast); with a
/// period it sums the daily rows inside it.
/// </summary>
public sealed class PermissionUseQueries(NpgsqlDataSource dataSource, IOptions<PostgresOptions> postgres)
{
    private readonly string _schema = postgres.Value.Schema;

    public Task<IReadOnlyList<ActionUse>> ForPrincipalAsync(string principal, DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken) =>
        UsesAsync(principal, from, to, cancellationToken);

    public Task<IReadOnlyList<ActionUse>> AllAsync(DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken) =>
        UsesAsync(null, from, to, cancellationToken);

    private async Task<IReadOnlyList<ActionUse>> UsesAsync(string? principal, DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken)
    {
        var where = principal is null ? "TRUE" : "principal = @principal";
        string sql;
        if (from is null && to is null)
        {
            sql = $"""
                SELECT principal, action, service, identity_type, account_id, calls, first_used, last_used, denied, last_denied, last_region, last_network
                FROM {_schema}.{PermissionUseTables.Use} WHERE {where}
                """;
        }
        else
        {
            sql = $"""
                SELECT principal, action, min(service), min(identity_type), min(account_id), sum(calls)::bigint, min(first_used), max(last_used),
                       sum(denied)::bigint, max(last_denied),
                       (array_agg(last_region ORDER BY last_seen DESC))[1], (array_agg(last_network ORDER BY last_seen DESC))[1]
                FROM {_schema}.{PermissionUseTables.Daily}
                WHERE {where} AND day >= @from_day AND day <= @to_day
                GROUP BY principal, action
                """;
        }
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        if (principal is not null) command.Parameters.AddWithValue("principal", principal);
        command.Parameters.AddWithValue("from_day", DateOnly.FromDateTime((from ?? DateTimeOffset.UnixEpoch).UtcDateTime));
        command.Parameters.AddWithValue("to_day", DateOnly.FromDateTime((to ?? DateTimeOffset.MaxValue).UtcDateTime));
        var uses = new List<ActionUse>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            uses.Add(new ActionUse(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                Text(reader, 4), reader.GetInt64(5), Time(reader, 6), Time(reader, 7), reader.GetInt64(8), Time(reader, 9),
                Text(reader, 10), Text(reader, 11)));
        }
        return uses;
    }

    /// <summary>The resources each action touched, at or after <paramref name="since"/>.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> ResourcesAsync(string principal, DateTimeOffset? since, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            $"SELECT action, resource FROM {_schema}.{PermissionUseTables.Resources} WHERE principal = @principal AND last_used >= @since ORDER BY action, resource",
            connection);
        command.Parameters.AddWithValue("principal", principal);
        command.Parameters.AddWithValue("since", (since ?? DateTimeOffset.UnixEpoch).UtcDateTime);
        var resources = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (!resources.TryGetValue(reader.GetString(0), out var list)) resources[reader.GetString(0)] = list = [];
            list.Add(reader.GetString(1));
        }
        return resources.ToDictionary(r => r.Key, r => (IReadOnlyList<string>)r.Value);
    }

    internal static string? Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    internal static DateTimeOffset? Time(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : new DateTimeOffset(reader.GetDateTime(ordinal), TimeSpan.Zero);
}
