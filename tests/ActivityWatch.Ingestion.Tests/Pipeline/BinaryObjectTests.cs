using ActivityWatch.Ingestion.Objects;
using ActivityWatch.Ingestion.Pipeline;
using ActivityWatch.Monitoring.Quarantine;
using ActivityWatch.Testing;
using Marten;

namespace ActivityWatch.Ingestion.Tests.Pipeline;

public sealed class BinaryObjectTests : IAsyncLifetime
{
    private TestHost _host = null!;

    public async Task InitializeAsync() => _host = await TestHost.StartAsync(nameof(BinaryObjectTests));

    public Task DisposeAsync() => _host.DisposeAsync().AsTask();

    [Fact]
    public async Task BinaryGarbage_IsQuarantinedWhole_EvenWithNulBytes()
    {
        // A stray binary object in a log prefix: NUL bytes must not break the quarantine (jsonb rejects \u0000).
        var garbage = new byte[2048];
        new Random(7).NextBytes(garbage);
        garbage[0] = 0x00;
        garbage[1] = 0x01;

        var summary = await _host.Get<IngestionPipeline>().IngestAsync(
            [new InMemoryLogObject("memory://binary/blob.bin", garbage)], reread: false, null, CancellationToken.None);

        Assert.Empty(summary.Failures);
        Assert.True(summary.Balanced);
        Assert.True(summary.Rejected >= 1);
        await using var session = _host.Store.QuerySession();
        var entry = (await session.ListAsync("memory://binary/blob.bin", 10, CancellationToken.None))[0];
        Assert.DoesNotContain('\0', entry.Excerpt ?? "");
    }
}
