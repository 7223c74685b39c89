using System.Runtime.CompilerServices;
using System.Text;
using ActivityWatch.Ingestion.Parsing;
using ActivityWatch.Simulation;

namespace ActivityWatch.Training.Evaluation;

/// <summary>
/// Runs generated text through the production parser (LogObjectReader), in memory. Records are
/// packed into one CloudTrail file and one S3 access log object per chunk and put back in the
/// generator's order by their position, so the harness sees exactly what ingestion would store.
/// </summary>
public static class SimulatedLogParser
{
    public static async IAsyncEnumerable<LabelledRecord> ParseAsync(
        IEnumerable<SimulatedRecord> records, int chunk = 20_000, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var batch = new List<SimulatedRecord>(chunk);
        foreach (var record in records)
        {
            batch.Add(record);
            if (batch.Count < chunk) continue;
            foreach (var parsed in await ParseChunkAsync(batch, ct)) yield return parsed;
            batch.Clear();
        }
        foreach (var parsed in await ParseChunkAsync(batch, ct)) yield return parsed;
    }

    private static async Task<List<LabelledRecord>> ParseChunkAsync(List<SimulatedRecord> batch, CancellationToken ct)
    {
        var cloudTrail = new List<int>();
        var s3 = new List<int>();
        for (var i = 0; i < batch.Count; i++) (batch[i].Kind == SimulatedLogKind.CloudTrail ? cloudTrail : s3).Add(i);
        var parsed = new Monitoring.Records.ActivityRecorded?[batch.Count];
        if (cloudTrail.Count > 0)
        {
            var json = "{\"Records\":[" + string.Join(",", cloudTrail.Select(i => batch[i].Text)) + "]}";
            await ReadAsync(json, "memory://evaluation/cloudtrail.json", cloudTrail, parsed, ct);
        }
        if (s3.Count > 0)
        {
            var lines = string.Join("\n", s3.Select(i => batch[i].Text)) + "\n";
            await ReadAsync(lines, "memory://evaluation/s3-access.log", s3, parsed, ct);
        }
        var result = new List<LabelledRecord>(batch.Count);
        for (var i = 0; i < batch.Count; i++)
        {
            if (parsed[i] is { } record) result.Add(new LabelledRecord(record, batch[i].Scenario));
        }
        return result;
    }

    private static async Task ReadAsync(string content, string name, List<int> indexes, Monitoring.Records.ActivityRecorded?[] parsed, CancellationToken ct)
    {
        await using var stream = new MemoryStream(Encoding.UTF8.GetBytes(content), writable: false);
        await using var log = await LogObjectReader.OpenAsync(stream, name, ct);
        await foreach (var item in log.ReadAsync(0, ct))
        {
            if (item.Record is { } record && item.Position < indexes.Count) parsed[indexes[(int)item.Position]] = record;
        }
    }
}
