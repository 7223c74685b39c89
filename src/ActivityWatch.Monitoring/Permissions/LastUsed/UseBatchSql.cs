using Marten;

namespace ActivityWatch.Monitoring.Permissions.LastUsed;

/// <summary>
/// One upsert per table per page of events, rows passed as arrays and unnested. The merge is
/// commutative (sums, least, greatest), so pages may arrive in any grouping; "last region and
/// network" follow the latest call seen.
/// </summary>
public sealed class UseBatchSql(string schema)
{
    private readonly string _use = UseUpsert(schema, PermissionUseTables.Use, withDay: false);
    private readonly string _daily = UseUpsert(schema, PermissionUseTables.Daily, withDay: true);

    private readonly string _resources = $"""
        INSERT INTO {schema}.{PermissionUseTables.Resources} AS t (principal, action, resource, first_used, last_used, calls)
        SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::timestamptz[], ?::bigint[])
        ON CONFLICT (principal, action, resource) DO UPDATE SET
          first_used = LEAST(t.first_used, EXCLUDED.first_used),
          last_used = GREATEST(t.last_used, EXCLUDED.last_used),
          calls = t.calls + EXCLUDED.calls
        """;

    private readonly string _credentials = $"""
        INSERT INTO {schema}.{PermissionUseTables.Credentials} AS t (credential, hour, network, principal, first_used, last_used, calls)
        SELECT * FROM unnest(?::text[], ?::timestamptz[], ?::text[], ?::text[], ?::timestamptz[], ?::timestamptz[], ?::bigint[])
        ON CONFLICT (credential, hour, network) DO UPDATE SET
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
                rows.Select(r => r.FirstUsed).ToArray(), rows.Select(r => r.LastUsed).ToArray(), rows.Select(r => r.Calls).ToArray());
        }
        if (batch.Credentials.Count > 0)
        {
            var rows = batch.Credentials.Values.ToArray();
            operations.QueueSqlCommand(_credentials,
                rows.Select(r => r.Credential).ToArray(), rows.Select(r => r.Hour).ToArray(), rows.Select(r => r.Network).ToArray(),
                rows.Select(r => r.Principal).ToArray(), rows.Select(r => r.FirstUsed).ToArray(), rows.Select(r => r.LastUsed).ToArray(),
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
        if (withDay) columns.Add(rows.Select(r => r.Day!.Value).ToArray());
        columns.AddRange(
        [
            rows.Select(r => r.Service).ToArray(),
            rows.Select(r => r.IdentityType).ToArray(),
            rows.Select(r => r.AccountId).ToArray(),
            rows.Select(r => r.Calls).ToArray(),
            rows.Select(r => r.FirstUsed).ToArray(),
            rows.Select(r => r.LastUsed).ToArray(),
            rows.Select(r => r.Denied).ToArray(),
            rows.Select(r => r.LastDenied).ToArray(),
            rows.Select(r => r.LastSeen).ToArray(),
            rows.Select(r => r.LastRegion).ToArray(),
            rows.Select(r => r.LastNetwork).ToArray(),
        ]);
        return columns.ToArray();
    }

    private static string UseUpsert(string schema, string table, bool withDay) => $"""
        INSERT INTO {schema}.{table} AS t (principal, action, {(withDay ? "day, " : "")}service, identity_type, account_id,
            calls, first_used, last_used, denied, last_denied, last_seen, last_region, last_network)
        SELECT * FROM unnest(?::text[], ?::text[], {(withDay ? "?::date[], " : "")}?::text[], ?::text[], ?::text[],
            ?::bigint[], ?::timestamptz[], ?::timestamptz[], ?::bigint[], ?::timestamptz[], ?::timestamptz[], ?::text[], ?::text[])
        ON CONFLICT (principal, action{(withDay ? ", day" : "")}) DO UPDATE SET
          calls = t.calls + EXCLUDED.calls,
          first_used = LEAST(t.first_used, EXCLUDED.first_used),
          last_used = GREATEST(t.last_used, EXCLUDED.last_used),
          denied = t.denied + EXCLUDED.denied,
          last_denied = GREATEST(t.last_denied, EXCLUDED.last_denied),
          last_region = CASE WHEN EXCLUDED.last_seen >= t.last_seen THEN EXCLUDED.last_region ELSE t.last_region END,
          last_network = CASE WHEN EXCLUDED.last_seen >= t.last_seen THEN EXCLUDED.last_network ELSE t.last_network END,
          last_seen = GREATEST(t.last_seen, EXCLUDED.last_seen)
        """;
}
