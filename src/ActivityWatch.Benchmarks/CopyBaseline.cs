using System.Diagnostics;
using System.Text.Json;
using ActivityWatch.Ingestion.Objects;
using ActivityWatch.Ingestion.Parsing;
using Npgsql;
using NpgsqlTypes;

namespace ActivityWatch.Benchmarks;

/// <summary>
/// The physical limit the ingest is compared with: the same records, already parsed and held in
/// memory, written by Npgsql binary COPY into a plain jsonb table. Only the COPY is timed.
/// usage: copy-baseline CONNECTION_STRING PATH...
/// </summary>
public static class CopyBaseline
{
    public static async Task<int> RunAsync(string[] args)
    {
        var connectionString = args[0];
        var documents = new List<string>();
        foreach (var file in LocalFileFinder.Find(args[1..]))
        {
            await using var content = await file.OpenAsync(CancellationToken.None);
            await using var reader = await LogObjectReader.OpenAsync(content, file.Name, CancellationToken.None);
            await foreach (var parsed in reader.ReadAsync(0, CancellationToken.None))
            {
                if (parsed.Record is not { } record) continue;
                documents.Add(record.Raw is { } raw ? raw.GetRawText() : JsonSerializer.Serialize(record.RawLine));
            }
        }

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var create = new NpgsqlCommand("DROP TABLE IF EXISTS bench_copy_baseline; CREATE TABLE bench_copy_baseline (id bigserial PRIMARY KEY, data jsonb NOT NULL)", connection))
        {
            await create.ExecuteNonQueryAsync();
        }

        var stopwatch = Stopwatch.StartNew();
        await using (var copy = await connection.BeginBinaryImportAsync("COPY bench_copy_baseline (data) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var document in documents)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(document, NpgsqlDbType.Jsonb);
            }
            await copy.CompleteAsync();
        }
        var seconds = stopwatch.Elapsed.TotalSeconds;

        await using (var drop = new NpgsqlCommand("DROP TABLE bench_copy_baseline", connection)) await drop.ExecuteNonQueryAsync();
        Console.WriteLine(JsonSerializer.Serialize(new { records = documents.Count, seconds, recordsPerSecond = documents.Count / seconds }));
        return 0;
    }
}
