using ActivityWatch.Ingestion.Aws.S3;
using ActivityWatch.Ingestion.Aws.Store;
using ActivityWatch.Monitoring.Store;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ActivityWatch.Ingestion.Aws.Status;

/// <summary>Reads every source's checkpoints, counters and errors, as kept by any watch process.</summary>
public sealed class SourceStatusQueries(
    NpgsqlDataSource dataSource, IOptions<PostgresOptions> postgres, IOptions<SourcesOptions> sources, TimeProvider time)
{
    private readonly string _schema = postgres.Value.Schema;

    public async Task<IReadOnlyList<SourceStatus>> ListAsync(CancellationToken cancellationToken)
    {
        var partitions = await PartitionsAsync(cancellationToken);
        var counters = await CountersAsync(cancellationToken);
        var errors = await ErrorsAsync(cancellationToken);
        var configured = sources.Value.S3Prefixes.Concat(sources.Value.Queues).ToHashSet(StringComparer.Ordinal);
        var names = new SortedSet<string>(configured.Concat(partitions.Keys).Concat(counters.Keys).Concat(errors.Keys), StringComparer.Ordinal);
        var now = time.GetUtcNow();
        return names.Select(name =>
        {
            var parts = partitions.GetValueOrDefault(name) ?? [];
            var counter = counters.GetValueOrDefault(name);
            var (byKind, last) = errors.GetValueOrDefault(name);
            var newest = Max(counter?.NewestObjectTime, parts.Select(p => p.NewestObjectTime).Max());
            return new SourceStatus
            {
                Source = name,
                Type = S3Uri.IsS3(name) ? "s3" : "sqs",
                Configured = configured.Contains(name),
                Partitions = parts,
                NewestObjectTime = newest,
                Lag = newest is { } n ? now - n : null,
                Objects = counter?.Objects ?? 0,
                Records = counter?.Records ?? 0,
                Digests = counter?.Digests ?? 0,
                Messages = counter?.Messages ?? 0,
                DeadLettered = counter?.DeadLettered ?? 0,
                Errors = byKind ?? new Dictionary<string, long>(),
                LastError = last,
                UpdatedAt = Max(counter?.UpdatedAt, parts.Select(p => (DateTimeOffset?)p.UpdatedAt).Max()),
            };
        }).ToList();
    }

    private static DateTimeOffset? Max(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;

    private async Task<Dictionary<string, List<PartitionCheckpoint>>> PartitionsAsync(CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, List<PartitionCheckpoint>>(StringComparer.Ordinal);
        await using var command = dataSource.CreateCommand(
            $"SELECT source, partition, account_id, region, layout, last_key, newest_object_time, objects, updated_at FROM {_schema}.{SourceTables.Partitions} ORDER BY source, partition");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var checkpoint = new PartitionCheckpoint(reader.GetString(0), reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6),
                reader.GetInt64(7), reader.GetFieldValue<DateTimeOffset>(8));
            if (!result.TryGetValue(checkpoint.Source, out var list)) result[checkpoint.Source] = list = [];
            list.Add(checkpoint);
        }
        return result;
    }

    private sealed record Counter(long Objects, long Records, long Digests, long Messages, long DeadLettered, DateTimeOffset? NewestObjectTime, DateTimeOffset UpdatedAt);

    private async Task<Dictionary<string, Counter>> CountersAsync(CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, Counter>(StringComparer.Ordinal);
        await using var command = dataSource.CreateCommand(
            $"SELECT source, objects, records, digests, messages, dead_lettered, newest_object_time, updated_at FROM {_schema}.{SourceTables.Counters}");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result[reader.GetString(0)] = new Counter(reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5),
                reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6), reader.GetFieldValue<DateTimeOffset>(7));
        }
        return result;
    }

    private async Task<Dictionary<string, (Dictionary<string, long>? ByKind, string? Last)>> ErrorsAsync(CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, (Dictionary<string, long>? ByKind, string? Last)>(StringComparer.Ordinal);
        await using var command = dataSource.CreateCommand($"""
            SELECT source, kind, count(*),
                   (array_agg(coalesce(object || ': ', '') || message ORDER BY id DESC))[1]
            FROM {_schema}.{SourceTables.Errors} GROUP BY source, kind ORDER BY source, max(id)
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var source = reader.GetString(0);
            var entry = result.GetValueOrDefault(source);
            entry.ByKind ??= [];
            entry.ByKind[reader.GetString(1)] = reader.GetInt64(2);
            // Ordered by max(id): the last row read holds the most recent error.
            entry.Last = $"{reader.GetString(1)}: {reader.GetString(3)}";
            result[source] = entry;
        }
        return result;
    }
}
