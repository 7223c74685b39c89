using System.Threading.Channels;
using ActivityWatch.Monitoring.Recording;

namespace ActivityWatch.Ingestion.Pipeline;

/// <summary>
/// Gathers the batches of the objects being read into shared transactions of about
/// <c>batchSize</c> positions, so a folder of small CloudTrail files costs a transaction per
/// thousand records rather than one per file. A fixed number of transactions are in flight, and
/// at most four transactions' worth of parsed records wait for them: memory stays bounded
/// whatever the number or size of the objects.
/// </summary>
public sealed class BatchWriter : IAsyncDisposable
{
    private readonly ActivityRecorder _recorder;
    private readonly int _batchSize;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>();
    private readonly SemaphoreSlim _room;
    private readonly SemaphoreSlim _reserving = new(1, 1);
    private readonly Task[] _writers;
    private readonly CancellationToken _cancellationToken;

    public BatchWriter(ActivityRecorder recorder, int batchSize, int writers, CancellationToken cancellationToken)
    {
        _recorder = recorder;
        _batchSize = Math.Max(1, batchSize);
        _room = new SemaphoreSlim(4 * _batchSize, 4 * _batchSize);
        _cancellationToken = cancellationToken;
        _writers = Enumerable.Range(0, Math.Max(1, writers)).Select(_ => Task.Run(WriteLoopAsync, CancellationToken.None)).ToArray();
    }

    /// <summary>
    /// Queues a batch (at most <c>batchSize</c> positions) once there is room for it, and returns
    /// the task that completes when it is committed. Waiting for room is what keeps readers at
    /// most a few transactions ahead of the database. <paramref name="weight"/> is the room it takes,
    /// in positions: more than its positions when its records are large, so memory stays bounded
    /// in bytes as well as in records.
    /// </summary>
    public async Task<Task<BatchOutcome>> EnqueueAsync(SourceBatch batch, int weight, CancellationToken cancellationToken)
    {
        var size = Math.Clamp(Math.Max(weight, batch.Positions), 1, _batchSize);
        // One reservation at a time: two readers each holding part of the room they need could
        // otherwise wait for each other forever.
        await _reserving.WaitAsync(cancellationToken);
        try
        {
            for (var i = 0; i < size; i++) await _room.WaitAsync(cancellationToken);
        }
        finally
        {
            _reserving.Release();
        }
        var pending = new Pending(batch, size);
        if (!_queue.Writer.TryWrite(pending))
        {
            _room.Release(size);
            throw new InvalidOperationException("The batch writer is closed.");
        }
        return pending.Stored.Task;
    }

    private async Task WriteLoopAsync()
    {
        var group = new List<Pending>();
        while (await _queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            group.Clear();
            var positions = 0;
            while (positions < _batchSize && _queue.Reader.TryRead(out var pending))
            {
                group.Add(pending);
                positions += pending.Size;
            }
            if (group.Count == 0) continue;
            try
            {
                var outcomes = await _recorder.RecordAsync(group.Select(p => p.Batch).ToArray(), _cancellationToken);
                for (var i = 0; i < group.Count; i++) group[i].Stored.TrySetResult(outcomes[i]);
            }
            catch (Exception error)
            {
                foreach (var pending in group) pending.Stored.TrySetException(error);
            }
            finally
            {
                _room.Release(positions);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await Task.WhenAll(_writers);
        _room.Dispose();
        _reserving.Dispose();
    }

    private sealed record Pending(SourceBatch Batch, int Size)
    {
        public TaskCompletionSource<BatchOutcome> Stored { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
