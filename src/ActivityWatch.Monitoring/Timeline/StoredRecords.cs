using System.Runtime.CompilerServices;
using ActivityWatch.Monitoring.Records;
using ActivityWatch.Monitoring.Store;
using Marten;
using Npgsql;
using NpgsqlTypes;

namespace ActivityWatch.Monitoring.Timeline;

/// <summary>Every stored record of a window, as logged, in event-time order (model training reads them this way).</summary>
public static class StoredRecords
{
    /// <param name="since">Inclusive; null for the first stored record.</param>
    /// <param name="until">Exclusive; null for the last.</param>
    public static async IAsyncEnumerable<ActivityRecorded> InEventTimeOrderAsync(
        IDocumentStore store, DateTimeOffset? since, DateTimeOffset? until, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var schema = store.Options.Events.DatabaseSchemaName;
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        // The timeline's time index gives event-time order; the body is read as bytes and parsed here.
        await using var command = new NpgsqlCommand($"""
            SELECT {EventBodies.Utf8("e")}
            FROM {TimelineTable.JoinedToEvents(schema)}
            WHERE (@since::timestamptz IS NULL OR t.event_time >= @since) AND (@until::timestamptz IS NULL OR t.event_time < @until)
            ORDER BY t.event_time
            """, connection);
        command.Parameters.Add(new NpgsqlParameter("since", NpgsqlDbType.TimestampTz) { Value = (object?)since?.UtcDateTime ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("until", NpgsqlDbType.TimestampTz) { Value = (object?)until?.UtcDateTime ?? DBNull.Value });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return EventBodies.Record(reader.GetFieldValue<byte[]>(0));
        }
    }
}
