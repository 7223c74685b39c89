using ActivityWatch.Monitoring.Permissions.Roles;
using ActivityWatch.Monitoring.Records;
using ActivityWatch.Monitoring.Store;
using ActivityWatch.Monitoring.Timeline.Query;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace ActivityWatch.Monitoring.Timeline.Principals;

/// <summary>Principals as the timeline index sees them. Parameterised SQL over aw_timeline only.</summary>
public sealed class PrincipalQueries(NpgsqlDataSource dataSource, IOptions<PostgresOptions> postgres, AccessLevelNames levels)
{
    private readonly string _table = $"{postgres.Value.Schema}.{TimelineTable.Name}";

    /// <summary>The busiest principals in the range; <paramref name="query"/> narrows with the timeline query language.</summary>
    /// <param name="directory">Merges each role's logged forms (S3 access logs drop the path) under its ARN and marks the unresolved ones.</param>
    public async Task<IReadOnlyList<PrincipalSummary>> ListAsync(string? query, DateTimeOffset since, DateTimeOffset until, int limit, RoleDirectory directory, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand();
        var filter = "";
        if (!string.IsNullOrWhiteSpace(query))
        {
            var compiled = TimelineQueryCompiler.Compile(query);
            filter = " AND " + compiled.Sql;
            command.Parameters.AddRange(compiled.Parameters.ToArray());
        }
        command.CommandText = $"""
            SELECT coalesce(m.resolved, t.principal) AS p, max(t.identity_type), max(t.account_id), count(*), count(t.error_code),
                   count(DISTINCT t.source_ip), min(t.event_time), max(t.event_time)
            FROM {_table} t
            LEFT JOIN unnest(@logged, @resolved) AS m(logged, resolved) ON m.logged = t.principal
            WHERE t.event_time >= @since AND t.event_time < @until{filter}
            GROUP BY 1
            ORDER BY count(*) DESC, 1
            LIMIT @limit
            """;
        AddRange(command, since, until);
        var mappings = directory.Mappings;
        command.Parameters.Add(new NpgsqlParameter<string[]>("logged", mappings.Select(m => m.Logged).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string[]>("resolved", mappings.Select(m => m.Arn).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<int>("limit", limit));
        var result = new List<PrincipalSummary>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var principal = reader.GetString(0);
            result.Add(new PrincipalSummary(principal, reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5), Time(reader, 6), Time(reader, 7))
            {
                PrincipalForm = directory.Resolve(principal).Form == PrincipalForm.Unresolved ? "unresolved" : null,
            });
        }
        return result;
    }

    /// <param name="aliases">The principal first, then every other form the logs name it by (see RoleDirectory.Aliases).</param>
    public async Task<PrincipalProfile> ProfileAsync(IReadOnlyList<string> aliases, PrincipalForm form, DateTimeOffset since, DateTimeOffset until, TimeSpan bucket, CancellationToken cancellationToken)
    {
        var principal = aliases[0];
        var facets = await FacetsAsync(aliases, since, until, cancellationToken);
        var (points, actions) = await ActivityAsync(aliases, since, until, bucket, cancellationToken);
        var mfa = facets.GetValueOrDefault("mfa") ?? [];
        return new PrincipalProfile
        {
            Principal = principal,
            LoggedAs = aliases,
            PrincipalForm = form == PrincipalForm.Exact ? null : form.ToString().ToLowerInvariant(),
            IsRoot = Monitoring.Records.Principals.IsRoot(principal),
            Since = since,
            Until = until,
            Events = actions.Sum(a => a.Count),
            Errors = actions.Sum(a => a.Errors),
            FirstSeen = actions.Count == 0 ? null : actions.Min(a => a.FirstSeen),
            LastSeen = actions.Count == 0 ? null : actions.Max(a => a.LastSeen),
            IdentityTypes = facets.GetValueOrDefault("identity_type") ?? [],
            Accounts = facets.GetValueOrDefault("account_id") ?? [],
            SessionNames = Top(facets.GetValueOrDefault("session_name")),
            AccessKeys = facets.GetValueOrDefault("access_key_id") ?? [],
            SourceIps = Top(facets.GetValueOrDefault("source_ip")),
            Mfa = new MfaPosture(
                mfa.Where(m => m.Value == "true").Sum(m => m.Count),
                mfa.Where(m => m.Value == "false").Sum(m => m.Count),
                mfa.Where(m => m.Value == "").Sum(m => m.Count)),
            Activity = new ActivitySeries((int)bucket.TotalSeconds, AccessLevelNames.Ordered, points),
            Actions = actions.OrderByDescending(a => a.LastSeen).ToList(),
        };
    }

    private static IReadOnlyList<ValueCount> Top(IReadOnlyList<ValueCount>? values) =>
        (values ?? []).OrderByDescending(v => v.Count).Take(20).ToList();

    /// <summary>One pass over the principal's rows: counts per identity type, account, session, key, address and MFA flag.</summary>
    private async Task<Dictionary<string, List<ValueCount>>> FacetsAsync(IReadOnlyList<string> principals, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT CASE WHEN GROUPING(t.identity_type) = 0 THEN 'identity_type'
                        WHEN GROUPING(t.account_id) = 0 THEN 'account_id'
                        WHEN GROUPING(t.session_name) = 0 THEN 'session_name'
                        WHEN GROUPING(t.access_key_id) = 0 THEN 'access_key_id'
                        WHEN GROUPING(t.source_ip) = 0 THEN 'source_ip'
                        ELSE 'mfa' END,
                   coalesce(t.identity_type, t.account_id, t.session_name, t.access_key_id, t.source_ip, t.mfa::text, ''),
                   count(*), min(t.event_time), max(t.event_time)
            FROM {_table} t
            WHERE t.principal = ANY(@principals) AND t.event_time >= @since AND t.event_time < @until
            GROUP BY GROUPING SETS ((t.identity_type), (t.account_id), (t.session_name), (t.access_key_id), (t.source_ip), (t.mfa))
            """);
        command.Parameters.Add(new NpgsqlParameter<string[]>("principals", principals.ToArray()));
        AddRange(command, since, until);
        var facets = new Dictionary<string, List<ValueCount>>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var facet = reader.GetString(0);
            var value = reader.GetString(1);
            // NULL groups of the text facets are "not present", not a value; MFA keeps them as "unknown".
            if (value.Length == 0 && facet != "mfa") continue;
            if (!facets.TryGetValue(facet, out var list)) facets[facet] = list = [];
            list.Add(new ValueCount(value, reader.GetInt64(2), Time(reader, 3), Time(reader, 4)));
        }
        return facets;
    }

    private async Task<(List<ActivityPoint> Points, List<ActionUse> Actions)> ActivityAsync(
        IReadOnlyList<string> principals, DateTimeOffset since, DateTimeOffset until, TimeSpan bucket, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT date_bin(@bucket, t.event_time, @since), t.event_source, t.event_name, count(*), count(t.error_code),
                   min(t.event_time), max(t.event_time), max(t.event_time) FILTER (WHERE t.error_code IS NULL), t.source
            FROM {_table} t
            WHERE t.principal = ANY(@principals) AND t.event_time >= @since AND t.event_time < @until
            GROUP BY 1, 2, 3, 9
            ORDER BY 1
            """);
        command.Parameters.Add(new NpgsqlParameter<string[]>("principals", principals.ToArray()));
        command.Parameters.Add(new NpgsqlParameter<TimeSpan>("bucket", bucket));
        AddRange(command, since, until);

        var points = new SortedDictionary<DateTimeOffset, Dictionary<string, long>>();
        var actions = new Dictionary<(string?, string?), ActionUse>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var start = Time(reader, 0);
            var source = reader.IsDBNull(1) ? null : reader.GetString(1);
            var name = reader.IsDBNull(2) ? null : reader.GetString(2);
            var count = reader.GetInt64(3);
            var errors = reader.GetInt64(4);
            var first = Time(reader, 5);
            var last = Time(reader, 6);
            DateTimeOffset? succeeded = reader.IsDBNull(7) ? null : Time(reader, 7);
            var (action, level) = levels.Classify(reader.GetString(8), source, name);

            if (!points.TryGetValue(start, out var counts)) points[start] = counts = AccessLevelNames.Ordered.ToDictionary(l => l, _ => 0L);
            counts[level] += count;

            actions[(source, name)] = actions.TryGetValue((source, name), out var seen)
                ? seen with
                {
                    Count = seen.Count + count,
                    Errors = seen.Errors + errors,
                    FirstSeen = first < seen.FirstSeen ? first : seen.FirstSeen,
                    LastSeen = last > seen.LastSeen ? last : seen.LastSeen,
                    LastSucceeded = Max(seen.LastSucceeded, succeeded),
                }
                : new ActionUse(source, name, action, level, count, errors, first, last, succeeded);
        }
        return (points.Select(p => new ActivityPoint(p.Key, p.Value)).ToList(), actions.Values.ToList());
    }

    private static DateTimeOffset? Max(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;

    private static void AddRange(NpgsqlCommand command, DateTimeOffset since, DateTimeOffset until)
    {
        command.Parameters.Add(new NpgsqlParameter<DateTime>("since", since.UtcDateTime));
        command.Parameters.Add(new NpgsqlParameter<DateTime>("until", until.UtcDateTime));
    }

    private static DateTimeOffset Time(NpgsqlDataReader reader, int ordinal) => new(reader.GetDateTime(ordinal), TimeSpan.Zero);
}
