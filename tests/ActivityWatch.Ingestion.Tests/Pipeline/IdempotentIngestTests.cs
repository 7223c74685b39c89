using System.IO.Compression;
using System.Text;
using ActivityWatch.Ingestion.Objects;
using ActivityWatch.Ingestion.Pipeline;
using ActivityWatch.Monitoring.Recording;
using ActivityWatch.Monitoring.Timeline;
using ActivityWatch.Testing;
using ActivityWatch.Testing.Records;

namespace ActivityWatch.Ingestion.Tests.Pipeline;

public sealed class IdempotentIngestTests : IAsyncLifetime
{
    private TestHost _host = null!;
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("aw-idem-");

    public async Task InitializeAsync() => _host = await TestHost.StartAsync(nameof(IdempotentIngestTests));

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _dir.Delete(recursive: true);
    }

    [Fact]
    public async Task SameFileTwice_SecondIngestSkipsIt_AndStoresNothingNew()
    {
        var file = WriteGzip("a.json.gz", Records(20, "a"));

        var first = await _host.IngestFilesAsync(file);
        var second = await _host.IngestFilesAsync(file);

        Assert.Equal((20, 20, 0, 0), (first.Records, first.Ingested, first.Duplicates, first.Rejected));
        Assert.Equal(1, second.FilesUnchanged);
        Assert.Equal(0, second.Records);
        Assert.Equal(20, await CountTimelineAsync());
    }

    [Fact]
    public async Task Reread_CountsEveryRecordAsDuplicate_AndStoresNothingNew()
    {
        var file = WriteGzip("b.json.gz", Records(15, "b"));
        await _host.IngestFilesAsync(file);

        var again = await _host.Get<IngestionPipeline>().IngestAsync(LocalFileFinder.Find([file]), reread: true, null, CancellationToken.None);

        Assert.Equal((15, 0, 15, 0), (again.Records, again.Ingested, again.Duplicates, again.Rejected));
        Assert.True(again.Balanced);
        Assert.Equal(15, await CountTimelineAsync());
    }

    [Fact]
    public async Task OverlappingFiles_SharedRecordsAreStoredOnce()
    {
        var shared = Records(10, "shared");
        var first = WriteGzip("c1.json.gz", shared.Concat(Records(5, "only-c1")).ToArray());
        var second = WritePlain("c2.json", Records(5, "only-c2").Concat(shared).ToArray());

        var summary = await _host.IngestFilesAsync(first, second);

        Assert.Equal(30, summary.Records);
        Assert.Equal(20, summary.Ingested);
        Assert.Equal(10, summary.Duplicates);
        Assert.Equal(20, await CountTimelineAsync());
    }

    [Fact]
    public async Task ManySmallObjects_SharingTransactions_EachCountedAndCheckpointedOnItsOwn()
    {
        // 60 objects of 7 records: the writer gathers many of them into each transaction. Every
        // third object repeats the previous object's records, so duplicates meet in one transaction too.
        var objects = Enumerable.Range(0, 60)
            .Select(i => new InMemoryLogObject($"memory://small/{i:D3}.json",
                Encoding.UTF8.GetBytes("{\"Records\":[" + string.Join(",", Records(7, $"small-{(i % 3 == 2 ? i - 1 : i)}")) + "]}")))
            .ToArray();

        var summary = await _host.Get<IngestionPipeline>().IngestAsync(objects, reread: false, null, CancellationToken.None);

        Assert.Equal((420, 280, 140, 0), (summary.Records, summary.Ingested, summary.Duplicates, summary.Rejected));
        Assert.Equal(280, await CountTimelineAsync(prefix: "memory://small/"));
        var checkpoints = await _host.Get<ActivityRecorder>().LoadCheckpointsAsync(objects.Select(o => o.Name), CancellationToken.None);
        Assert.Equal(60, checkpoints.Count);
        Assert.All(checkpoints.Values, c => Assert.True(c.Completed && c.NextPosition == 7 && c.RecordsRead == 7 && c.Ingested + c.Duplicates == 7, c.Id));
        var again = await _host.Get<IngestionPipeline>().IngestAsync(objects, reread: false, null, CancellationToken.None);
        Assert.Equal((60, 0L), (again.FilesUnchanged, again.Records));
    }

    [Fact]
    public async Task SameEventIdInTwoAccounts_IsTwoRecords()
    {
        // CloudTrail eventIDs are unique per recipient account, not globally: the key includes the account.
        var one = CloudTrailRecords.IamUserCall("ListBuckets", eventId: "11111111-2222-3333-4444-555555555555");
        var other = one.Replace("\"recipientAccountId\":\"123456789012\"", "\"recipientAccountId\":\"210987654321\"");

        var summary = await _host.IngestCloudTrailAsync(one, other);

        Assert.Equal(2, summary.Ingested);
    }

    private async Task<int> CountTimelineAsync(string prefix = "") =>
        (await _host.Get<TimelineQueries>().SearchAsync(new TimelineFilter { Limit = 10_000 }, CancellationToken.None))
            .Count(e => e.SourceObject.StartsWith(prefix, StringComparison.Ordinal));

    internal static string[] Records(int count, string tag) =>
        Enumerable.Range(0, count)
            .Select(i => CloudTrailRecords.IamUserCall("GetObject", eventId: $"{tag}-{i:D6}", time: new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.Zero).AddSeconds(i)))
            .ToArray();

    private string WriteGzip(string name, string[] records)
    {
        var path = Path.Combine(_dir.FullName, name);
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        gzip.Write(Encoding.UTF8.GetBytes("{\"Records\":[" + string.Join(",", records) + "]}"));
        return path;
    }

    private string WritePlain(string name, string[] records)
    {
        var path = Path.Combine(_dir.FullName, name);
        File.WriteAllText(path, "{\"Records\":[" + string.Join(",", records) + "]}");
        return path;
    }
}
