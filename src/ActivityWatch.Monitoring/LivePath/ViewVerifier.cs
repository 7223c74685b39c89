using System.Data;
using System.Text.Json;
using System.Text.Json.Nodes;
using ActivityWatch.Monitoring.Permissions.Actions;
using ActivityWatch.Monitoring.Permissions.LastUsed;
using ActivityWatch.Monitoring.Posture;
using ActivityWatch.Monitoring.Records;
using ActivityWatch.Monitoring.Store;
using JasperFx.Events;
using Marten;
using Marten.Services;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ActivityWatch.Monitoring.LivePath;

/// <summary>
/// <c>activitywatch verify</c>: recomputes every order-independent view from the stored events, with
/// the live path's own fold code, and compares it with what the daemon stored. Everything is read in
/// one repeatable-read snapshot and only up to the events the daemon has processed, so the check is
/// exact at any moment, mid-ingest included. A difference means the daemon missed or repeated events.
/// </summary>
public sealed class ViewVerifier(IDocumentStore store, NpgsqlDataSource dataSource, IOptions<PostgresOptions> postgres, TimeProvider time)
{
    private const int ExamplesPerView = 10;
    private readonly string _schema = postgres.Value.Schema;

    public async Task<ViewVerification> VerifyAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);

        var processed = await ScalarAsync<long>(connection, $"SELECT coalesce((SELECT last_seq_id FROM {MartenTables.Progression(_schema)} WHERE name = '{MartenTables.ShardProgress(MonitoringProjections.ActivityViews)}'), 0)", cancellationToken);
        var newest = await ScalarAsync<long>(connection, $"SELECT coalesce(max(seq_id), 0) FROM {MartenTables.Events(_schema)}", cancellationToken);
        var skipped = await SkippedAsync(connection, cancellationToken);
        var deadLettered = await DeadLetteredAsync(connection, cancellationToken);

        var uses = new UseBatch(ActionMapper.Default);
        var root = new Dictionary<string, RootUsage>(StringComparer.Ordinal);
        var mfa = new Dictionary<string, MfaPosture>(StringComparer.Ordinal);
        var keys = new Dictionary<string, AccessKeyUsage>(StringComparer.Ordinal);
        var rootFold = new RootUsageProjection(time);
        var mfaFold = new MfaPostureProjection(time);
        var keyFold = new AccessKeyInventoryProjection(time);
        long records = 0;
        await using (var command = new NpgsqlCommand($"""
            SELECT {EventBodies.Utf8("e")} FROM {MartenTables.Events(_schema)} e
            WHERE e.seq_id <= @processed AND e.type = @type ORDER BY e.seq_id
            """, connection))
        {
            command.Parameters.AddWithValue("processed", processed);
            command.Parameters.AddWithValue("type", typeof(ActivityRecorded).GetEventTypeName());
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var record = EventBodies.Record(reader.GetFieldValue<byte[]>(0));
                records++;
                try
                {
                    uses.Add(record);
                }
                catch (Exception error) when (ProjectionFailures.IsCausedByRecord(error))
                {
                    // The live view recorded the same failure and left the record out too.
                }
                rootFold.FoldInMemory(record, root);
                mfaFold.FoldInMemory(record, mfa);
                keyFold.FoldInMemory(record, keys);
            }
        }

        var views = new List<ViewComparison>
        {
            Compare("permission use", UseRows(uses.Use.Values), await StoredRowsAsync(connection, PermissionUseTables.Use, false, cancellationToken)),
            Compare("permission use per day", UseRows(uses.Daily.Values), await StoredRowsAsync(connection, PermissionUseTables.Daily, true, cancellationToken)),
            Compare("resources used", uses.Resources.Values.ToDictionary(
                r => $"{r.Principal} {r.Action} {r.Resource}", r => $"calls={r.Calls} first={Micros(r.FirstUsed)} last={Micros(r.LastUsed)}"),
                await StoredAsync(connection, $"SELECT principal || ' ' || action || ' ' || resource, 'calls=' || calls || ' first=' || {Micros("first_used")} || ' last=' || {Micros("last_used")} FROM {_schema}.{PermissionUseTables.Resources}", cancellationToken)),
            Compare("credential use", uses.Credentials.Values.ToDictionary(
                c => $"{c.Credential} {c.Principal} {Micros(c.Hour)} {c.Network}", c => $"calls={c.Calls} first={Micros(c.FirstUsed)} last={Micros(c.LastUsed)}"),
                await StoredAsync(connection, $"SELECT credential || ' ' || principal || ' ' || {Micros("hour")} || ' ' || network, 'calls=' || calls || ' first=' || {Micros("first_used")} || ' last=' || {Micros("last_used")} FROM {_schema}.{PermissionUseTables.Credentials}", cancellationToken)),
        };

        await using (var session = store.QuerySession(SessionOptions.ForTransaction(transaction)))
        {
            views.Add(CompareDocuments("root usage", root, await session.Query<RootUsage>().ToListAsync(cancellationToken), r => r.Id));
            views.Add(CompareDocuments("MFA posture", mfa, await session.Query<MfaPosture>().ToListAsync(cancellationToken), m => m.Id));
            views.Add(CompareDocuments("access key inventory", keys, await session.Query<AccessKeyUsage>().ToListAsync(cancellationToken), k => k.Id));
            var failures = await session.Query<ProjectionFailure>().OrderBy(f => f.Sequence).Take(1_000).ToListAsync(cancellationToken);
            var failureCount = await session.Query<ProjectionFailure>().CountAsync(cancellationToken);
            return new ViewVerification(processed, newest, records, views, skipped, failureCount, failures) { DeadLetteredEvents = deadLettered };
        }
    }

    /// <summary>
    /// Events Marten's daemon dead-lettered (its SkipApplyErrors policy) for the live path: no member
    /// saw them. Members keep record-caused failures to themselves, so any row here is a bug to find.
    /// </summary>
    private async Task<long> DeadLetteredAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var exists = await ScalarAsync<bool>(connection, $"SELECT to_regclass('{MartenTables.DeadLetters(_schema)}') IS NOT NULL", cancellationToken);
        return exists ? await ScalarAsync<long>(connection, $"SELECT count(*) FROM {MartenTables.DeadLetters(_schema)}", cancellationToken) : 0;
    }

    /// <summary>The sequence ranges the daemon's high-water mark jumped over (Marten records them), and the stored events inside each.</summary>
    private async Task<IReadOnlyList<SkippedRange>> SkippedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var ranges = new List<SkippedRange>();
        await using var command = new NpgsqlCommand($"""
            SELECT s.starting_sequence, s.ending_sequence,
                   (SELECT count(*) FROM {MartenTables.Events(_schema)} e WHERE e.seq_id > s.starting_sequence AND e.seq_id <= s.ending_sequence)
            FROM {MartenTables.HighWaterSkips(_schema)} s ORDER BY s.starting_sequence
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) ranges.Add(new SkippedRange(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2)));
        return ranges;
    }

    private Dictionary<string, string> UseRows(IEnumerable<UseRow> rows) => rows.ToDictionary(
        r => r.Day is { } day ? $"{r.Principal} {r.Action} {day:yyyy-MM-dd}" : $"{r.Principal} {r.Action}",
        r => $"service={r.Service} type={r.IdentityType} account={r.AccountId} calls={r.Calls} first={Micros(r.FirstUsed)} last={Micros(r.LastUsed)} " +
             $"denied={r.Denied} lastDenied={Micros(r.LastDenied)} lastSeen={Micros(r.LastSeen)} region={r.LastRegion} network={r.LastNetwork}",
        StringComparer.Ordinal);

    private Task<Dictionary<string, string>> StoredRowsAsync(NpgsqlConnection connection, string table, bool daily, CancellationToken cancellationToken) =>
        StoredAsync(connection, $"""
            SELECT principal || ' ' || action{(daily ? " || ' ' || to_char(day, 'YYYY-MM-DD')" : "")},
                   'service=' || service || ' type=' || identity_type || ' account=' || coalesce(account_id, '') || ' calls=' || calls
                   || ' first=' || {Micros("first_used")} || ' last=' || {Micros("last_used")} || ' denied=' || denied
                   || ' lastDenied=' || {Micros("last_denied")} || ' lastSeen=' || {Micros("last_seen")}
                   || ' region=' || coalesce(last_region, '') || ' network=' || coalesce(last_network, '')
            FROM {_schema}.{table}
            """, cancellationToken);

    private static async Task<Dictionary<string, string>> StoredAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        var rows = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) rows[reader.GetString(0)] = reader.GetString(1);
        return rows;
    }

    private static ViewComparison Compare(string view, Dictionary<string, string> recomputed, Dictionary<string, string> stored)
    {
        var examples = new List<ViewDifference>();
        var differences = 0;
        foreach (var (key, expected) in recomputed)
        {
            stored.TryGetValue(key, out var actual);
            if (actual == expected) continue;
            differences++;
            if (examples.Count < ExamplesPerView) examples.Add(new ViewDifference(key, expected, actual));
        }
        foreach (var (key, actual) in stored)
        {
            if (recomputed.ContainsKey(key)) continue;
            differences++;
            if (examples.Count < ExamplesPerView) examples.Add(new ViewDifference(key, null, actual));
        }
        return new ViewComparison(view, recomputed.Count, stored.Count, differences, examples);
    }

    private ViewComparison CompareDocuments<T>(string view, Dictionary<string, T> recomputed, IReadOnlyList<T> stored, Func<T, string> id) =>
        Compare(view,
            recomputed.ToDictionary(p => p.Key, p => Canonical(p.Value), StringComparer.Ordinal),
            stored.ToDictionary(id, Canonical, StringComparer.Ordinal));

    /// <summary>A document as JSON with its object members in name order: dictionaries compare whatever their insertion order.</summary>
    private string Canonical<T>(T document) => Sorted(JsonNode.Parse(store.Options.Serializer().ToJson(document)))?.ToJsonString() ?? "null";

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray a => new JsonArray(a.Select(Sorted).ToArray()),
        null => null,
        _ => JsonNode.Parse(node.ToJsonString()),
    };

    private static string Micros(DateTime? time) => time is { } t ? ((t.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMicrosecond).ToString(System.Globalization.CultureInfo.InvariantCulture) : "";

    private static string Micros(string column) => $"coalesce(((extract(epoch FROM {column}) * 1000000)::numeric(30,0))::text, '')";

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
