using System.Text;
using ActivityWatch.Ingestion.Objects;
using ActivityWatch.Ingestion.Pipeline;
using ActivityWatch.Testing;

namespace ActivityWatch.Ingestion.Tests.Pipeline;

/// <summary>Downloading ahead (S3) is offered only the objects the pipeline will read.</summary>
public sealed class PrefetchPlanTests : IAsyncLifetime
{
    private TestHost _host = null!;

    public async Task InitializeAsync() => _host = await TestHost.StartAsync(nameof(PrefetchPlanTests));

    public Task DisposeAsync() => _host.DisposeAsync().AsTask();

    [Fact]
    public async Task SecondRun_PrefetchesTheChangedAndNewObjects_NotTheOnesAlreadyRead()
    {
        var pipeline = _host.Get<IngestionPipeline>();
        var done = Object("done", "a");
        await pipeline.IngestAsync([done, Object("changed", "b")], reread: false, null, CancellationToken.None);

        var offered = new List<string>();
        var prefetch = new Prefetch(offered);
        var second = await pipeline.IngestAsync(
            [done, Object("changed", "b2"), Object("new", "c")], reread: false, null, CancellationToken.None, prefetch.Start);

        Assert.Equal(["memory://plan/changed.json", "memory://plan/new.json"], offered);
        Assert.True(prefetch.Disposed);
        Assert.Equal(1, second.FilesUnchanged);
        Assert.Equal(2, second.Ingested);

        offered.Clear();
        await pipeline.IngestAsync([done], reread: true, null, CancellationToken.None, new Prefetch(offered).Start);
        Assert.Equal(["memory://plan/done.json"], offered);
    }

    // The same object again must be the same bytes: the record builder stamps fresh request ids.
    private static InMemoryLogObject Object(string name, string eventId) => new(
        $"memory://plan/{name}.json",
        Encoding.UTF8.GetBytes("{\"Records\":[" + string.Join(",", IdempotentIngestTests.Records(1, $"plan-{eventId}")) + "]}"));

    private sealed class Prefetch(List<string> offered) : IAsyncDisposable
    {
        public bool Disposed { get; private set; }

        public IAsyncDisposable Start(IReadOnlyList<ILogObject> objects)
        {
            offered.AddRange(objects.Select(o => o.Name));
            return this;
        }

        public ValueTask DisposeAsync()
        {
            Disposed = true;
            return ValueTask.CompletedTask;
        }
    }
}
