using System.IO.Compression;
using System.Text;
using ActivityWatch.Ingestion.Objects;
using ActivityWatch.Ingestion.Pipeline;
using ActivityWatch.Monitoring.Checkpoints;
using ActivityWatch.Monitoring.Quarantine;
using ActivityWatch.Testing;
using ActivityWatch.Testing.Records;
using Marten;

namespace ActivityWatch.Ingestion.Tests.Pipeline;

/// <summary>Per-object caps: decompressed size, quarantine entries, record text per batch. Every ingest still balances.</summary>
public sealed class ObjectLimitsTests
{
    private static Task<TestHost> HostAsync(string name, params (string Key, string Value)[] settings) =>
        TestHost.StartAsync(name, settings: settings.ToDictionary(s => $"ActivityWatch:Ingestion:{s.Key}", s => (string?)s.Value));

    private static Task<IngestSummary> IngestAsync(TestHost host, string name, byte[] content, bool reread = false) =>
        host.Get<IngestionPipeline>().IngestAsync([new InMemoryLogObject(name, content)], reread, null, CancellationToken.None);

    private static async Task<IReadOnlyList<QuarantinedRecord>> QuarantineAsync(TestHost host, string sourceObject)
    {
        await using var session = host.Store.QuerySession();
        return await session.ListAsync(sourceObject, 1000, CancellationToken.None);
    }

    private static byte[] Gzip(string text)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest)) gzip.Write(Encoding.UTF8.GetBytes(text));
        return buffer.ToArray();
    }

    [Fact]
    public async Task ContentPastTheDecompressedLimit_IsNotRead_AndIsOneRejection()
    {
        await using var host = await HostAsync(nameof(ContentPastTheDecompressedLimit_IsNotRead_AndIsOneRejection), ("MaxObjectBytes", "20000"));
        var lines = IdempotentIngestTests.Records(100, "bomb");
        // Compresses to a few KB: a small download that would decompress far past the limit.
        var content = Gzip(string.Join("\n", lines) + "\n");

        var summary = await IngestAsync(host, "memory://limits/bomb.jsonl.gz", content);

        Assert.True(summary.Balanced);
        Assert.Equal(1, summary.Rejected);
        Assert.InRange(summary.Ingested, 5, 20000 / lines[0].Length);
        Assert.Equal(summary.Ingested + 1, summary.Records);
        var entry = Assert.Single(await QuarantineAsync(host, "memory://limits/bomb.jsonl.gz"));
        Assert.Contains("MaxObjectBytes", entry.Reason);
        Assert.Contains("20000", entry.Reason);
    }

    [Fact]
    public async Task GarbageObject_QuarantinesTheFirstEntries_AndTheRestAsOneEntryWithItsCount()
    {
        // Small batches: the rest entry grows across several transactions.
        await using var host = await HostAsync(nameof(GarbageObject_QuarantinesTheFirstEntries_AndTheRestAsOneEntryWithItsCount),
            ("MaxQuarantinePerObject", "10"), ("BatchSize", "7"));
        var lines = new[] { S3AccessLines.Line(requestId: "GOODLINE00000001") }
            .Concat(Enumerable.Range(0, 60).Select(i => $"garbage line {i} \u0001 not an access log"))
            .Append(S3AccessLines.Line(requestId: "GOODLINE00000002"));
        var content = Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n");

        var summary = await IngestAsync(host, "memory://limits/garbage.log", content);

        Assert.Equal((62L, 2L, 0L, 60L), (summary.Records, summary.Ingested, summary.Duplicates, summary.Rejected));
        Assert.True(summary.Balanced);
        var entries = await QuarantineAsync(host, "memory://limits/garbage.log");
        Assert.Equal(11, entries.Count);
        Assert.Equal(10, entries.Count(e => e.Count == 1));
        var rest = Assert.Single(entries, e => e.Count > 1);
        Assert.Equal(50, rest.Count);
        Assert.Equal(11, rest.Position);
        Assert.Contains("50 more record(s) rejected from position 11 to 60", rest.Reason);
        await using var session = host.Store.QuerySession();
        var checkpoint = await session.LoadAsync<SourceCheckpoint>("memory://limits/garbage.log");
        Assert.Equal(60, checkpoint!.Rejected);
        Assert.Equal(62, checkpoint.RecordsRead);

        // Read again: the same entries, the rest entry counted afresh rather than added to.
        var again = await IngestAsync(host, "memory://limits/garbage.log", content, reread: true);
        Assert.Equal(60, again.Rejected);
        var reread = await QuarantineAsync(host, "memory://limits/garbage.log");
        Assert.Equal(11, reread.Count);
        Assert.Equal(50, Assert.Single(reread, e => e.Count > 1).Count);
    }

    [Fact]
    public async Task LargeRecords_AreStoredInSmallerBatches_AllOfThem()
    {
        await using var host = await HostAsync(nameof(LargeRecords_AreStoredInSmallerBatches_AllOfThem), ("MaxBatchBytes", "50000"));
        var padding = new string('x', 20_000);
        var records = Enumerable.Range(0, 30).Select(i => CloudTrailRecords.IamUserCall("GetObject", eventId: $"large-{i:D3}")
            .Replace("\"eventName\":", $"\"padding\":\"{padding}\",\"eventName\":")).ToList();

        var summary = await IngestAsync(host, "memory://limits/large.json", Encoding.UTF8.GetBytes("{\"Records\":[" + string.Join(",", records) + "]}"));

        Assert.Equal((30L, 30L, 0L), (summary.Records, summary.Ingested, summary.Rejected));
        // 20 KB records, 50 KB per batch: a batch of three, so about ten transactions (events carry their transaction's time) instead of one.
        var transactions = (long)(await host.SqlAsync("SELECT count(DISTINCT timestamp) FROM {schema}.mt_events WHERE stream_id = 'memory://limits/large.json'"))!;
        Assert.InRange(transactions, 8, 30);
        Assert.True(summary.Balanced);
    }
}
