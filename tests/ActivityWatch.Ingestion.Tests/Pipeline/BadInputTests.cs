using System.IO.Compression;
using System.Text;
using ActivityWatch.Ingestion.Objects;
using ActivityWatch.Ingestion.Pipeline;
using ActivityWatch.Monitoring.Quarantine;
using ActivityWatch.Testing;
using ActivityWatch.Testing.Records;
using Marten;

namespace ActivityWatch.Ingestion.Tests.Pipeline;

/// <summary>Bad input never costs the good records around it, and every record read is accounted for.</summary>
public sealed class BadInputTests : IAsyncLifetime
{
    private TestHost _host = null!;

    public async Task InitializeAsync() => _host = await TestHost.StartAsync(nameof(BadInputTests));

    public Task DisposeAsync() => _host.DisposeAsync().AsTask();

    [Fact]
    public async Task InvalidJsonElement_IsQuarantinedWithPosition_NeighboursIngested()
    {
        var good = IdempotentIngestTests.Records(2, "json");
        var content = "{\"Records\":[" + good[0] + ",{\"eventTime\": \"2026-11-02T08:00:00Z\", \"eventName\": tru}," + good[1] + "]}";

        var summary = await IngestAsync("memory://bad/invalid-json.json", Encoding.UTF8.GetBytes(content));

        AssertBalanced(summary, records: 3, ingested: 2, rejected: 1);
        var entry = Assert.Single(await QuarantineAsync("memory://bad/invalid-json.json"));
        Assert.Equal(1, entry.Position);
        Assert.NotNull(entry.ByteOffset);
        Assert.False(string.IsNullOrWhiteSpace(entry.Reason));
    }

    [Fact]
    public async Task RecordOfTheWrongShape_IsQuarantined()
    {
        var good = IdempotentIngestTests.Records(1, "shape")[0];
        var content = "{\"Records\":[42,{\"eventName\":\"NoTime\"}," + good + "]}";

        var summary = await IngestAsync("memory://bad/shape.json", Encoding.UTF8.GetBytes(content));

        AssertBalanced(summary, records: 3, ingested: 1, rejected: 2);
    }

    [Fact]
    public async Task InvalidUtf8InOneRecord_OnlyThatRecordIsQuarantined()
    {
        var good = IdempotentIngestTests.Records(2, "utf8");
        var bad = Encoding.UTF8.GetBytes(CloudTrailRecords.IamUserCall("GetObject", userName: "XXXX"));
        var marker = Encoding.UTF8.GetBytes("XXXX");
        var at = bad.AsSpan().IndexOf(marker);
        bad[at] = 0xC3; // a UTF-8 lead byte followed by ASCII: an invalid sequence
        var content = Concat("{\"Records\":[" + good[0] + ",", bad, "," + good[1] + "]}");

        var summary = await IngestAsync("memory://bad/utf8.json", content);

        AssertBalanced(summary, records: 3, ingested: 2, rejected: 1);
    }

    [Fact]
    public async Task TruncatedGzip_KeepsWhatWasReadable_AndSaysWhereItStopped()
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            var lines = IdempotentIngestTests.Records(200, "trunc");
            gzip.Write(Encoding.UTF8.GetBytes(string.Join("\n", lines)));
        }
        var truncated = buffer.ToArray()[..(int)(buffer.Length * 0.6)];

        var summary = await IngestAsync("memory://bad/truncated.jsonl.gz", truncated);

        Assert.True(summary.Balanced);
        Assert.InRange(summary.Ingested, 50, 199);
        Assert.True(summary.Rejected >= 1);
        Assert.Contains(await QuarantineAsync("memory://bad/truncated.jsonl.gz"), q => q.Reason.Contains("gzip", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task MalformedAccessLogLine_IsQuarantinedWithLineNumber_OtherLinesIngested()
    {
        var lines = new[]
        {
            S3AccessLines.Line(requestId: "REQ0000000000001"),
            "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be example-bucket [02/Nov/2026:08:15:03 +0000 192.0.2.1",
            S3AccessLines.Line(requestId: "REQ0000000000002"),
        };

        var summary = await IngestAsync("memory://bad/access.log", Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n"));

        AssertBalanced(summary, records: 3, ingested: 2, rejected: 1);
        var entry = Assert.Single(await QuarantineAsync("memory://bad/access.log"));
        Assert.Equal(2, entry.Line);
    }

    [Fact]
    public async Task QuarantinedRecords_AreNotDuplicatedWhenTheObjectIsReadAgain()
    {
        var content = Encoding.UTF8.GetBytes("{\"Records\":[17]}");
        await IngestAsync("memory://bad/again.json", content);
        await _host.Get<IngestionPipeline>().IngestAsync([new InMemoryLogObject("memory://bad/again.json", content)], reread: true, null, CancellationToken.None);

        Assert.Single(await QuarantineAsync("memory://bad/again.json"));
    }

    private async Task<IngestSummary> IngestAsync(string name, byte[] content) =>
        await _host.Get<IngestionPipeline>().IngestAsync([new InMemoryLogObject(name, content)], reread: false, null, CancellationToken.None);

    private async Task<IReadOnlyList<QuarantinedRecord>> QuarantineAsync(string sourceObject)
    {
        await using var session = _host.Store.QuerySession();
        return await session.ListAsync(sourceObject, 100, CancellationToken.None);
    }

    private static void AssertBalanced(IngestSummary summary, long records, long ingested, long rejected)
    {
        Assert.Equal((records, ingested, 0L, rejected), (summary.Records, summary.Ingested, summary.Duplicates, summary.Rejected));
        Assert.True(summary.Balanced);
    }

    private static byte[] Concat(string head, byte[] middle, string tail) =>
        [.. Encoding.UTF8.GetBytes(head), .. middle, .. Encoding.UTF8.GetBytes(tail)];
}
