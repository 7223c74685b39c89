using ActivityWatch.Monitoring.Checkpoints;
using ActivityWatch.Monitoring.Timeline;
using Marten;
using Npgsql;

namespace ActivityWatch.Cli.Commands.Status;

/// <summary>
/// What `activitywatch ingest` read from files and folders (checkpoints that are neither s3:// nor
/// sqs:// objects), and the time span the stored events cover: the part of `status` that is not a
/// configured AWS source.
/// </summary>
public sealed record LocalIngest(
    long Files, long DigestFiles, long Records, long Ingested, long Rejected, DateTimeOffset? LastRead,
    DateTimeOffset? OldestEvent, DateTimeOffset? NewestEvent)
{
    public static async Task<LocalIngest> ReadAsync(IDocumentStore store, NpgsqlDataSource dataSource, string schema, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT count(*) FILTER (WHERE NOT coalesce((c.data ->> 'digestFile')::boolean, false)),
                   count(*) FILTER (WHERE (c.data ->> 'digestFile')::boolean),
                   coalesce(sum((c.data ->> 'recordsRead')::bigint), 0), coalesce(sum((c.data ->> 'ingested')::bigint), 0),
                   coalesce(sum((c.data ->> 'rejected')::bigint), 0), max(c.mt_last_modified),
                   (SELECT min(t.event_time) FROM {schema}.{TimelineTable.Name} t), (SELECT max(t.event_time) FROM {schema}.{TimelineTable.Name} t)
            FROM {store.Options.Schema.For<SourceCheckpoint>()} c
            WHERE c.id NOT LIKE 's3://%' AND c.id NOT LIKE 'sqs://%'
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new LocalIngest(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4),
            Time(reader, 5), Time(reader, 6), Time(reader, 7));
    }

    private static DateTimeOffset? Time(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateTimeOffset>(ordinal);
}
