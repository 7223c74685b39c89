using ActivityWatch.Monitoring.LivePath;
using ActivityWatch.Monitoring.Store;
using ActivityWatch.Testing;

namespace ActivityWatch.Cli.Tests.LivePath;

/// <summary>
/// Views equal a fold of the stored events, whatever the concurrency of the write path: the same logs
/// give the same views with one writer or four, one reader or four, and from two nodes at once.
/// </summary>
[Collection(AlertsCliCollection.Name)]
public sealed class DeterminismTests(SampleLogs logs) : IClassFixture<SampleLogs>
{
    [Fact]
    public async Task SameLogs_AnyNumberOfWritersAndReaders_GiveTheSameViews_EachEqualToTheFoldOfItsEvents()
    {
        List<string>? first = null;
        foreach (var (writers, parallelism) in new[] { (1, 1), (2, 4), (4, 4) })
        {
            await using var host = await TestHost.StartAsync($"determinism{writers}{parallelism}", settings: new Dictionary<string, string?>
            {
                ["ActivityWatch:Ingestion:Writers"] = writers.ToString(),
                ["ActivityWatch:Ingestion:Parallelism"] = parallelism.ToString(),
            });
            var summary = await host.IngestFilesAsync(logs.Folder);
            Assert.Equal(summary.Records, summary.Ingested);

            await AssertCleanAsync(host);
            var snapshot = await ViewSnapshot.TakeAsync(host);
            first ??= snapshot;
            Assert.True(first.SequenceEqual(snapshot), $"writers {writers}, parallelism {parallelism}: {ViewSnapshot.Difference(first, snapshot)}");
        }
    }

    [Fact]
    public async Task TwoNodesIngestingTheSameLogsAtOnce_StoreEachRecordOnce_AndGiveTheViewsOfOne()
    {
        await using var alone = await TestHost.StartAsync("twonodes-alone", settings: Writers(1));
        await alone.IngestFilesAsync(logs.Folder);
        var expected = await ViewSnapshot.TakeAsync(alone);

        var schema = TestDatabase.NewSchema("twonodes");
        await using var one = await TestHost.StartAsync("twonodes", DaemonRole.HotCold, schema: schema);
        await using var two = await TestHost.StartAsync("twonodes", DaemonRole.HotCold, schema: schema);
        var summaries = await Task.WhenAll(one.IngestFilesAsync(logs.Folder), two.IngestFilesAsync(logs.Folder));

        Assert.Equal(summaries[0].Records, summaries.Sum(s => s.Ingested));
        await one.WaitForProjectionsAsync();
        await AssertCleanAsync(one);
        var snapshot = await ViewSnapshot.TakeAsync(one);
        Assert.True(expected.SequenceEqual(snapshot), ViewSnapshot.Difference(expected, snapshot));
    }

    private static Dictionary<string, string?> Writers(int writers) => new() { ["ActivityWatch:Ingestion:Writers"] = writers.ToString() };

    private static async Task AssertCleanAsync(TestHost host)
    {
        var verification = await host.Get<ViewVerifier>().VerifyAsync(CancellationToken.None);
        Assert.True(verification.Clean, string.Join("; ", verification.Views.Where(v => v.Differences > 0).Select(v => $"{v.View}: {v.Differences}"))
            + $"; holes {verification.Holes}");
        Assert.Equal(verification.NewestSequence, verification.ProcessedSequence);
        Assert.Equal(0, verification.ProjectionFailureCount);
    }
}
