using ActivityWatch.Monitoring.Detections;
using ActivityWatch.Monitoring.Permissions.LastUsed;
using Npgsql;

namespace ActivityWatch.Testing;

/// <summary>
/// Every order-independent view of a dataset as sorted lines, to compare two ingests of the same logs:
/// the last-used tables, the posture documents (jsonb prints its keys in one order), and the evidence of
/// each rule that judges records one at a time (threshold rules and the anomaly model depend on order).
/// </summary>
public static class ViewSnapshot
{
    public static async Task<List<string>> TakeAsync(string schema)
    {
        var lines = new List<string>();
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync();
        await AddAsync(connection, lines, $"SELECT 'use ' || concat_ws(' ', principal, action, service, identity_type, account_id, calls, first_used, last_used, denied, last_denied, last_seen, last_region, last_network) FROM {schema}.{PermissionUseTables.Use}");
        await AddAsync(connection, lines, $"SELECT 'daily ' || concat_ws(' ', principal, action, day, calls, first_used, last_used, denied, last_denied, last_seen, last_region, last_network) FROM {schema}.{PermissionUseTables.Daily}");
        await AddAsync(connection, lines, $"SELECT 'resource ' || concat_ws(' ', principal, action, resource, calls, first_used, last_used) FROM {schema}.{PermissionUseTables.Resources}");
        await AddAsync(connection, lines, $"SELECT 'credential ' || concat_ws(' ', credential, principal, hour, network, calls, first_used, last_used) FROM {schema}.{PermissionUseTables.Credentials}");
        foreach (var table in new[] { "mt_doc_rootusage", "mt_doc_mfaposture", "mt_doc_accesskeyusage" })
            await AddAsync(connection, lines, $"SELECT '{table} ' || data::text FROM {schema}.{table}");
        var singleRecordRules = DetectionCatalogue.Rules.Where(r => r.Threshold is null).Select(r => r.Id).ToArray();
        await using (var command = new NpgsqlCommand($"""
            SELECT DISTINCT 'evidence ' || (a.data ->> 'ruleId') || ' ' || e.id
            FROM {schema}.mt_doc_alert a, jsonb_array_elements_text(a.data -> 'eventIds') e(id)
            WHERE a.data ->> 'ruleId' = ANY(@rules)
            """, connection))
        {
            command.Parameters.AddWithValue("rules", singleRecordRules);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) lines.Add(reader.GetString(0));
        }
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    /// <summary>The lines only one of the two snapshots has, for an assertion message.</summary>
    public static string Difference(IReadOnlyCollection<string> expected, IReadOnlyCollection<string> actual)
    {
        var missing = expected.Except(actual).Take(5).ToList();
        var extra = actual.Except(expected).Take(5).ToList();
        return $"{expected.Except(actual).Count()} line(s) missing, {actual.Except(expected).Count()} unexpected.\nmissing: {string.Join("\n  ", missing)}\nunexpected: {string.Join("\n  ", extra)}";
    }

    private static async Task AddAsync(NpgsqlConnection connection, List<string> lines, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) lines.Add(reader.GetString(0));
    }
}
