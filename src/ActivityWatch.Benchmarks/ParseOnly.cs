using System.Diagnostics;
using System.Text.Json;
using ActivityWatch.Ingestion.Objects;
using ActivityWatch.Ingestion.Parsing;

namespace ActivityWatch.Benchmarks;

/// <summary>
/// Reading alone: every object opened, decompressed and parsed into records, nothing stored. The
/// part of the ingest cost that is ours before PostgreSQL sees anything.
/// usage: parse PATH...
/// </summary>
public static class ParseOnly
{
    public static async Task<int> RunAsync(string[] args)
    {
        var objects = LocalFileFinder.Find(args);
        var stopwatch = Stopwatch.StartNew();
        long records = 0, rejected = 0;
        foreach (var file in objects)
        {
            await using var content = await file.OpenAsync(CancellationToken.None);
            await using var reader = await LogObjectReader.OpenAsync(content, file.Name, CancellationToken.None);
            await foreach (var parsed in reader.ReadAsync(0, CancellationToken.None))
            {
                if (parsed.Record is not null) records++;
                else rejected++;
            }
        }
        var seconds = stopwatch.Elapsed.TotalSeconds;
        Console.WriteLine(JsonSerializer.Serialize(new { files = objects.Count, records, rejected, seconds, recordsPerSecond = records / seconds }));
        return 0;
    }
}
