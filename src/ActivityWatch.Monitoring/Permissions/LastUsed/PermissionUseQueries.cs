using ActivityWatch.Monitoring.Permissions.Roles;
using ActivityWatch.Monitoring.Store;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ActivityWatch.Monitoring.Permissions.LastUsed;

/// <summary>
/// Reads the last-used tables. Without a period it reads the all-time table (one row per
/// principal and action: what the reports over every principal need to stay fast); with a
/// period it sums the daily rows inside it. The tables keep each principal as it was logged (a
/// role from an S3 access log has no path); reads merge the forms of one role through the
/// <see cref="RoleDirectory"/>, so the stored rows never depend on what had been seen before.
/// </summary>
public sealed class PermissionUseQueries(NpgsqlDataSource dataSource, IOptions<PostgresOptions> postgres, RoleDirectoryQueries roles)
{
    private readonly string _schema = postgres.Value.Schema;

    public async Task<IReadOnlyList<ActionUse>> ForPrincipalAsync(string principal, DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken) =>
        await ForAliasesAsync((await roles.LoadAsync(cancellationToken)).Aliases(principal), from, to, cancellationToken);

    /// <summary>The uses logged under any of <paramref name="aliases"/>, merged under the first.</summary>
    public async Task<IReadOnlyList<ActionUse>> ForAliasesAsync(IReadOnlyList<string> aliases, DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken) =>
        Merge(await UsesAsync(aliases, from, to, cancellationToken), _ => aliases[0]);

    /// <summary>Every principal's uses, each logged form counted under the principal it resolves to.</summary>
    public async Task<IReadOnlyList<ActionUse>> AllAsync(DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken, RoleDirectory? directory = null)
    {
        directory ??= await roles.LoadAsync(cancellationToken);
        return Merge(await UsesAsync(null, from, to, cancellationToken), p => directory.Resolve(p).Principal);
    }

    /// <summary>One row per (resolved principal, action): sums, earliest first use, latest last use, and the latest row's region and network.</summary>
    public static IReadOnlyList<ActionUse> Merge(IReadOnlyList<ActionUse> uses, Func<string, string> resolve)
    {
        var merged = new Dictionary<(string, string), ActionUse>();
        foreach (var use in uses)
        {
            var principal = resolve(use.Principal);
            var key = (principal, use.Action);
            if (!merged.TryGetValue(key, out var seen))
            {
                merged[key] = use with { Principal = principal };
                continue;
            }
            var latest = (use.LastUsed ?? use.LastDenied) > (seen.LastUsed ?? seen.LastDenied) ? use : seen;
            merged[key] = seen with
            {
                Calls = seen.Calls + use.Calls,
                FirstUsed = Min(seen.FirstUsed, use.FirstUsed),
                LastUsed = Max(seen.LastUsed, use.LastUsed),
                Denied = seen.Denied + use.Denied,
                LastDenied = Max(seen.LastDenied, use.LastDenied),
                LastRegion = latest.LastRegion,
                LastNetwork = latest.LastNetwork,
            };
        }
        return merged.Values.ToList();
    }

    private static DateTimeOffset? Min(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a < b ? a : b;

    private static DateTimeOffset? Max(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;

    private async Task<IReadOnlyList<ActionUse>> UsesAsync(IReadOnlyList<string>? principals, DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken)
    {
        var where = principals is null ? "TRUE" : "principal = ANY(@principals)";
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
        if (principals is not null) command.Parameters.AddWithValue("principals", principals.ToArray());
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
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> ResourcesAsync(string principal, DateTimeOffset? since, CancellationToken cancellationToken) =>
        await ResourcesAsync((await roles.LoadAsync(cancellationToken)).Aliases(principal), since, cancellationToken);

    /// <summary>The resources each action touched under any of <paramref name="aliases"/>, at or after <paramref name="since"/>.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> ResourcesAsync(IReadOnlyList<string> aliases, DateTimeOffset? since, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            $"SELECT DISTINCT action, resource FROM {_schema}.{PermissionUseTables.Resources} WHERE principal = ANY(@principals) AND last_used >= @since ORDER BY action, resource",
            connection);
        command.Parameters.AddWithValue("principals", aliases.ToArray());
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
