using System.Text;
using ActivityWatch.Ingestion.Objects;
using ActivityWatch.Ingestion.Pipeline;
using ActivityWatch.Monitoring.Recording;
using ActivityWatch.Testing;

namespace ActivityWatch.Ingestion.Tests.Pipeline;

public sealed class ResumeTests : IAsyncLifetime
{
    private TestHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await TestHost.StartAsync(nameof(ResumeTests), settings: new Dictionary<string, string?> { ["ActivityWatch:Ingestion:BatchSize"] = "10" });

    public Task DisposeAsync() => _host.DisposeAsync().AsTask();

    [Fact]
    public async Task InterruptedIngest_ResumesAtItsCheckpoint_WithoutDuplicatesOrGaps()
    {
        // Given a 100-record file whose read fails part way (a dropped connection, a killed process)
        var content = Encoding.UTF8.GetBytes("{\"Records\":[" + string.Join(",", IdempotentIngestTests.Records(100, "resume")) + "]}");
        var pipeline = _host.Get<IngestionPipeline>();
        var broken = new FailingLogObject("memory://resume/file.json", content, failAfterBytes: content.Length / 2);

        var interrupted = await pipeline.IngestAsync([broken], reread: false, null, CancellationToken.None);

        var checkpoint = await _host.Get<ActivityRecorder>().LoadCheckpointAsync(broken.Name, CancellationToken.None);
        Assert.Single(interrupted.Failures);
        Assert.NotNull(checkpoint);
        Assert.False(checkpoint.Completed);
        Assert.InRange(checkpoint.NextPosition, 10, 90);
        Assert.Equal(checkpoint.NextPosition, interrupted.Ingested);

        // When the same object is ingested again
        var resumed = await pipeline.IngestAsync([new FailingLogObject(broken.Name, content, failAfterBytes: int.MaxValue)], reread: false, null, CancellationToken.None);

        // Then it reads only what was left, and everything is stored exactly once
        Assert.Equal(100 - checkpoint.NextPosition, resumed.Records);
        Assert.Equal(0, resumed.Duplicates);
        Assert.Equal(100, interrupted.Ingested + resumed.Ingested);
        var done = await _host.Get<ActivityRecorder>().LoadCheckpointAsync(broken.Name, CancellationToken.None);
        Assert.True(done!.Completed);
        Assert.Equal(100, done.Ingested);
    }

    /// <summary>Serves its bytes, then fails like a dropped connection after a given number of them.</summary>
    private sealed class FailingLogObject(string name, byte[] content, int failAfterBytes) : ILogObject
    {
        public string Name => name;
        public string? Fingerprint => "fixed";
        public Task<Stream> OpenAsync(CancellationToken cancellationToken) => Task.FromResult<Stream>(new FailingStream(content, failAfterBytes));
    }

    private sealed class FailingStream(byte[] content, int failAfterBytes) : Stream
    {
        private readonly MemoryStream _inner = new(content, writable: false);

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_inner.Position >= failAfterBytes) throw new IOException("connection reset by peer");
            var allowed = (int)Math.Min(count, failAfterBytes - _inner.Position);
            return _inner.Read(buffer, offset, allowed);
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _inner.Position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
