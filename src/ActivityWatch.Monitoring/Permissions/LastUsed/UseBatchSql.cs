using Marten;

namespace ActivityWatch.Monitoring.Permissions.LastUsed;

/// <summary>
/// One upsert per table per page of events, rows passed as arrays and unnested. The merge is
/// commutative (sums, least, greatest), so pages may arrive in any grouping; "last region and
/// network" follow the latest call seen. Times travel as microseconds since the Unix epoch
/// (bigint, <see cref="NoTime"/> for none): QueueSqlCommand infers DateTime arrays as
/// "timestamp without time zone", which Npgsql refuses for UTC values.
/// </summary>
public sealed class UseBatchSql(string schema)
{
    private readonly string _use = UseUpsert(schema, PermissionUseTables.Use, withDay: false);
    private readonly string _daily = UseUpsert(schema, PermissionUseTables.Daily, withDay: true);

    private readonly string _resources = $"""
        INSERT INTO {schema}.{PermissionUseTables.Resources} AS t (principal, action, resource, first_used, last_used, calls)
        SELECT u.p, u.a, u.r, {Time("u.f")}, {Time("u.l")}, u.c
        FROM unnest(?::text[], ?::text[], ?::text[], ?::bigint[], ?::bigint[], ?::bigint[]) AS u(p, a, r, f, l, c)
        ON CONFLICT (principal, action, resource) DO UPDATE SET
          first_used = LEAST(t.first_used, EXCLUDED.first_used),
          last_used = GREATEST(t.last_used, EXCLUDED.last_used),
          calls = t.calls + EXCLUDED.calls
        """;

    private readonly string _credentials = $"""
        INSERT INTO {schema}.{PermissionUseTables.Credentials} AS t (credential, hour, network, principal, first_used, last_used, calls)
        SELECT u.k, {Time("u.h")}, u.n, u.p, {Time("u.f")}, {Time("u.l")}, u.c
        FROM unnest(?::text[], ?::bigint[], ?::text[], ?::text[], ?::bigint[], ?::bigint[], ?::bigint[]) AS u(k, h, n, p, f, l, c)
        ON CONFLICT (credential, principal, hour, network) DO UPDATE SET
          first_used = LEAST(t.first_used, EXCLUDED.first_used),
          last_used = GREATEST(t.last_used, EXCLUDED.last_used),
          calls = t.calls + EXCLUDED.calls
        """;

    public void Queue(IDocumentOperations operations, UseBatch batch)
    {
        if (batch.Use.Count > 0) operations.QueueSqlCommand(_use, UseArrays(batch.Use.Values, withDay: false));
        if (batch.Daily.Count > 0) operations.QueueSqlCommand(_daily, UseArrays(batch.Daily.Values, withDay: true));
        if (batch.Resources.Count > 0)
        {
            var rows = batch.Resources.Values.ToArray();
            operations.QueueSqlCommand(_resources,
                rows.Select(r => r.Principal).ToArray(), rows.Select(r => r.Action).ToArray(), rows.Select(r => r.Resource).ToArray(),
                rows.Select(r => Micros(r.FirstUsed)).ToArray(), rows.Select(r => Micros(r.LastUsed)).ToArray(), rows.Select(r => r.Calls).ToArray());
        }
        if (batch.Credentials.Count > 0)
        {
            var rows = batch.Credentials.Values.ToArray();
            operations.QueueSqlCommand(_credentials,
                rows.Select(r => r.Credential).ToArray(), rows.Select(r => Micros(r.Hour)).ToArray(), rows.Select(r => r.Network).ToArray(),
                rows.Select(r => r.Principal).ToArray(), rows.Select(r => Micros(r.FirstUsed)).ToArray(), rows.Select(r => Micros(r.LastUsed)).ToArray(),
                rows.Select(r => r.Calls).ToArray());
        }
    }

    private static object[] UseArrays(IEnumerable<UseRow> values, bool withDay)
    {
        var rows = values.ToArray();
        var columns = new List<object>
        {
            rows.Select(r => r.Principal).ToArray(),
            rows.Select(r => r.Action).ToArray(),
        };
        if (withDay) columns.Add(rows.Select(r => r.Day!.Value.DayNumber - DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber).ToArray());
        columns.AddRange(
        [
            rows.Select(r => r.Service).ToArray(),
            rows.Select(r => r.IdentityType).ToArray(),
            rows.Select(r => r.AccountId).ToArray(),
            rows.Select(r => r.Calls).ToArray(),
            rows.Select(r => Micros(r.FirstUsed)).ToArray(),
            rows.Select(r => Micros(r.LastUsed)).ToArray(),
            rows.Select(r => r.Denied).ToArray(),
            rows.Select(r => Micros(r.LastDenied)).ToArray(),
            rows.Select(r => Micros(r.LastSeen)).ToArray(),
            rows.Select(r => r.LastRegion).ToArray(),
            rows.Select(r => r.LastNetwork).ToArray(),
        ]);
        return columns.ToArray();
    }

    /// <summary>Stands for "no time" in the bigint arrays.</summary>
    /// (long.MinValue itself would not parse as a bigint literal in PostgreSQL.)
    public const long NoTime = long.MinValue + 1;

    private static long Micros(DateTime time) => (time.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMicrosecond;

    private static long Micros(DateTime? time) => time is { } t ? Micros(t) : NoTime;

    private static string Time(string column) =>
        $"CASE WHEN {column} = {NoTime} THEN NULL ELSE timestamptz 'epoch' + {column} * interval '1 microsecond' END";

    // The same order as UseRow: the latest call by time, then by region and network text (byte order, as ordinal).
    private const string Later = """
        (EXCLUDED.last_seen, coalesce(EXCLUDED.last_region, '') COLLATE "C", coalesce(EXCLUDED.last_network, '') COLLATE "C")
          > (t.last_seen, coalesce(t.last_region, '') COLLATE "C", coalesce(t.last_network, '') COLLATE "C")
        """;

    private static string UseUpsert(string schema, string table, bool withDay) => $"""
        INSERT INTO {schema}.{table} AS t (principal, action, {(withDay ? "day, " : "")}service, identity_type, account_id,
            calls, first_used, last_used, denied, last_denied, last_seen, last_region, last_network)
        SELECT u.p, u.a, {(withDay ? "date '1970-01-01' + u.d, " : "")}u.s, u.i, u.acct, u.c, {Time("u.f")}, {Time("u.l")}, u.dn, {Time("u.ld")}, {Time("u.ls")}, u.rg, u.nw
        FROM unnest(?::text[], ?::text[], {(withDay ? "?::int[], " : "")}?::text[], ?::text[], ?::text[],
            ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::text[], ?::text[])
            AS u(p, a, {(withDay ? "d, " : "")}s, i, acct, c, f, l, dn, ld, ls, rg, nw)
        ON CONFLICT (principal, action{(withDay ? ", day" : "")}) DO UPDATE SET
          calls = t.calls + EXCLUDED.calls,
          first_used = LEAST(t.first_used, EXCLUDED.first_used),
          last_used = GREATEST(t.last_used, EXCLUDED.last_used),
          denied = t.denied + EXCLUDED.denied,
          last_denied = GREATEST(t.last_denied, EXCLUDED.last_denied),
          last_region = CASE WHEN {Later} THEN EXCLUDED.last_region ELSE t.last_region END,
          last_network = CASE WHEN {Later} THEN EXCLUDED.last_network ELSE t.last_network END,
          last_seen = GREATEST(t.last_seen, EXCLUDED.last_seen),
          identity_type = LEAST(t.identity_type COLLATE "C", EXCLUDED.identity_type COLLATE "C"),
          account_id = LEAST(t.account_id COLLATE "C", EXCLUDED.account_id COLLATE "C")
        """;
}
