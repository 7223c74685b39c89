using ActivityWatch.Monitoring.Detections;
using ActivityWatch.Monitoring.Permissions.LastUsed;
using ActivityWatch.Monitoring.Store;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ActivityWatch.Monitoring.LivePath;

/// <summary>
/// Every order-independent view of a dataset as sorted lines of text, to compare two ingests of the
/// same logs (`verify --snapshot`, scripts/soak.sh, the determinism tests): the last-used tables, the
/// posture documents (jsonb prints keys in one order), and the evidence of every rule that judges
/// records one at a time. Threshold rules and the anomaly model depend on arrival order: left out.
/// </summary>
public sealed class ViewSnapshots(NpgsqlDataSource dataSource, IOptions<PostgresOptions> postgres)
{
    public async Task<List<string>> TakeAsync(CancellationToken cancellationToken)
    {
        var schema = postgres.Value.Schema;
        var lines = new List<string>();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await AddAsync(connection, lines, $"SELECT 'use ' || concat_ws(' ', principal, action, service, identity_type, account_id, calls, first_used, last_used, denied, last_denied, last_seen, last_region, last_network) FROM {schema}.{PermissionUseTables.Use}", cancellationToken);
        await AddAsync(connection, lines, $"SELECT 'daily ' || concat_ws(' ', principal, action, day, calls, first_used, last_used, denied, last_denied, last_seen, last_region, last_network) FROM {schema}.{PermissionUseTables.Daily}", cancellationToken);
        await AddAsync(connection, lines, $"SELECT 'resource ' || concat_ws(' ', principal, action, resource, calls, first_used, last_used) FROM {schema}.{PermissionUseTables.Resources}", cancellationToken);
        await AddAsync(connection, lines, $"SELECT 'credential ' || concat_ws(' ', credential, principal, hour, network, calls, first_used, last_used) FROM {schema}.{PermissionUseTables.Credentials}", cancellationToken);
        foreach (var table in new[] { "mt_doc_rootusage", "mt_doc_mfaposture", "mt_doc_accesskeyusage" })
            await AddAsync(connection, lines, $"SELECT '{table} ' || data::text FROM {schema}.{table}", cancellationToken);
        var singleRecordRules = DetectionCatalogue.Rules.Where(r => r.Threshold is null).Select(r => r.Id).ToArray();
        await using (var command = new NpgsqlCommand($"""
            SELECT DISTINCT 'evidence ' || (a.data ->> 'ruleId') || ' ' || e.id
            FROM {schema}.mt_doc_alert a, jsonb_array_elements_text(a.data -> 'eventIds') e(id)
            WHERE a.data ->> 'ruleId' = ANY(@rules)
            """, connection))
        {
            command.Parameters.AddWithValue("rules", singleRecordRules);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) lines.Add(reader.GetString(0));
        }
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static async Task AddAsync(NpgsqlConnection connection, List<string> lines, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) lines.Add(reader.GetString(0));
    }
}
