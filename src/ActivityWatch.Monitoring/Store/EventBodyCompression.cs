using Marten;
using Marten.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ActivityWatch.Monitoring.Store;

/// <summary>
/// Event bodies are about 2.5 KB, just over the size at which PostgreSQL compresses a row's values
/// (TOAST). Its default compressor, pglz, was a fifth of the server's CPU time during an ingest;
/// lz4 does the same job for a fraction of it. Runs at start-up and only changes the column's
/// setting (values already stored stay as they are). Where it cannot (a server built without lz4,
/// a user that may not alter the table) the store keeps pglz and says so in the log.
/// </summary>
public sealed class EventBodyCompression(IOptions<PostgresOptions> postgres, ILogger<EventBodyCompression> logger) : IInitialData
{
    public async Task Populate(IDocumentStore store, CancellationToken cancellation)
    {
        var events = MartenTables.Events(postgres.Value.Schema);
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellation);
        await using var current = new NpgsqlCommand(
            $"SELECT attcompression::text FROM pg_attribute WHERE attrelid = '{events}'::regclass AND attname = 'bdata'", connection);
        if (await current.ExecuteScalarAsync(cancellation) is "l") return;
        try
        {
            await using var alter = new NpgsqlCommand($"ALTER TABLE {events} ALTER COLUMN bdata SET COMPRESSION lz4", connection);
            await alter.ExecuteNonQueryAsync(cancellation);
        }
        catch (PostgresException e)
        {
            // A server built without lz4, or a user that may not alter the table: slower, not wrong.
            logger.LogWarning("Event bodies stay compressed with pglz, which costs ingest speed: {Message}", e.MessageText);
        }
    }
}
