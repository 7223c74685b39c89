using ActivityWatch.Monitoring.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ActivityWatch.Ingestion.Aws.Store;

/// <summary>Reads and writes the source tables. Counters are incremented in SQL, so concurrent watchers never lose an update.</summary>
public sealed class SourceLedger(NpgsqlDataSource dataSource, IOptions<PostgresOptions> postgres, TimeProvider time, ILogger<SourceLedger> logger)
{
    private readonly string _schema = postgres.Value.Schema;

    public async Task<PartitionCheckpoint?> LoadPartitionAsync(string source, string partition, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"SELECT account_id, region, layout, last_key, newest_object_time, objects, updated_at FROM {_schema}.{SourceTables.Partitions} WHERE source = $1 AND partition = $2");
        command.Parameters.AddWithValue(source);
        command.Parameters.AddWithValue(partition);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        return new PartitionCheckpoint(source, partition,
            reader.IsDBNull(0) ? null : reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2),
            reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4),
            reader.GetInt64(5), reader.GetFieldValue<DateTimeOffset>(6));
    }

    /// <summary>Moves a partition's checkpoint forward (never back: keys only grow).</summary>
    public async Task AdvancePartitionAsync(
        string source, string partition, string? account, string? region, string layout,
        string? lastKey, DateTimeOffset? newestObjectTime, long objects, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            INSERT INTO {_schema}.{SourceTables.Partitions} AS p
              (source, partition, account_id, region, layout, last_key, newest_object_time, objects, updated_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
            ON CONFLICT (source, partition) DO UPDATE SET
              last_key = GREATEST(p.last_key COLLATE "C", excluded.last_key COLLATE "C"),
              newest_object_time = GREATEST(p.newest_object_time, excluded.newest_object_time),
              objects = p.objects + excluded.objects,
              updated_at = excluded.updated_at
            """);
        command.Parameters.AddWithValue(source);
        command.Parameters.AddWithValue(partition);
        command.Parameters.AddWithValue((object?)account ?? DBNull.Value);
        command.Parameters.AddWithValue((object?)region ?? DBNull.Value);
        command.Parameters.AddWithValue(layout);
        command.Parameters.AddWithValue((object?)lastKey ?? DBNull.Value);
        command.Parameters.AddWithValue((object?)newestObjectTime ?? DBNull.Value);
        command.Parameters.AddWithValue(objects);
        command.Parameters.AddWithValue(time.GetUtcNow());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task CountAsync(string source, SourceCounts counts, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            INSERT INTO {_schema}.{SourceTables.Counters} AS c
              (source, objects, records, digests, messages, dead_lettered, newest_object_time, updated_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            ON CONFLICT (source) DO UPDATE SET
              objects = c.objects + excluded.objects,
              records = c.records + excluded.records,
              digests = c.digests + excluded.digests,
              messages = c.messages + excluded.messages,
              dead_lettered = c.dead_lettered + excluded.dead_lettered,
              newest_object_time = GREATEST(c.newest_object_time, excluded.newest_object_time),
              updated_at = excluded.updated_at
            """);
        command.Parameters.AddWithValue(source);
        command.Parameters.AddWithValue(counts.Objects);
        command.Parameters.AddWithValue(counts.Records);
        command.Parameters.AddWithValue(counts.Digests);
        command.Parameters.AddWithValue(counts.Messages);
        command.Parameters.AddWithValue(counts.DeadLettered);
        command.Parameters.AddWithValue((object?)counts.NewestObjectTime ?? DBNull.Value);
        command.Parameters.AddWithValue(time.GetUtcNow());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Logs the error and keeps it, so `status` can count it on any node.</summary>
    public async Task RecordErrorAsync(string source, string? objectName, SourceErrorKind kind, string message, CancellationToken cancellationToken)
    {
        logger.LogWarning("{Source}: {Kind} {Object}: {Message}", source, kind, objectName, message);
        await using var command = dataSource.CreateCommand(
            $"INSERT INTO {_schema}.{SourceTables.Errors} (source, object, kind, message, occurred_at) VALUES ($1, $2, $3, $4, $5)");
        command.Parameters.AddWithValue(source);
        command.Parameters.AddWithValue((object?)objectName ?? DBNull.Value);
        command.Parameters.AddWithValue(kind.ToString());
        command.Parameters.AddWithValue(message.Length > 2000 ? message[..2000] : message);
        command.Parameters.AddWithValue(time.GetUtcNow());
        // Reporting must not stop the work it reports on; CancellationToken.None keeps the record of a shutdown's last error.
        await command.ExecuteNonQueryAsync(CancellationToken.None);
    }

    /// <summary>
    /// A session-level advisory lock on one partition, so two watch processes never list and read
    /// the same partition at once. Null when another process holds it. The lock goes with the
    /// connection, so a crashed node releases it.
    /// </summary>
    public async Task<IAsyncDisposable?> TryLeaseAsync(string source, string partition, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var key = LeaseKey($"{_schema}|{source}|{partition}");
        await using (var command = new NpgsqlCommand("SELECT pg_try_advisory_lock($1)", connection))
        {
            command.Parameters.AddWithValue(key);
            if (await command.ExecuteScalarAsync(cancellationToken) is true) return new Lease(connection, key);
        }
        await connection.DisposeAsync();
        return null;
    }

    private static long LeaseKey(string name) =>
        BitConverter.ToInt64(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(name)), 0);

    private sealed class Lease(NpgsqlConnection connection, long key) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock($1)", connection);
                command.Parameters.AddWithValue(key);
                await command.ExecuteScalarAsync();
            }
            finally
            {
                await connection.DisposeAsync();
            }
        }
    }
}
