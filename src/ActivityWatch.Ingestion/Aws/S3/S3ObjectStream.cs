using Amazon.S3.Model;

namespace ActivityWatch.Ingestion.Aws.S3;

/// <summary>
/// The bytes of one S3 object, front to back: first those already in memory, then the body of a
/// GET. When the connection breaks (or the body ends before the object's length) it asks again
/// from the byte it reached, with the ETag of the first response as a precondition, a bounded
/// number of times. Holds no more than a read's worth of the object.
/// </summary>
internal sealed class S3ObjectStream : Stream
{
    private readonly S3LogObject _owner;
    private readonly CancellationToken _cancellationToken;
    private ReadOnlyMemory<byte> _head;
    private GetObjectResponse? _response;
    private long _position;
    private long? _length;
    private string? _eTag;
    private int _failures;

    public S3ObjectStream(S3LogObject owner, GetObjectResponse? response, ReadOnlyMemory<byte> head, CancellationToken cancellationToken,
        long? length = null, string? eTag = null)
    {
        _owner = owner;
        _response = response;
        _head = head;
        _cancellationToken = cancellationToken;
        _length = response is { ContentLength: >= 0 } r ? r.ContentLength : length;
        _eTag = response?.ETag ?? eTag;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.IsEmpty) return 0;
        if (!_head.IsEmpty)
        {
            var n = Math.Min(buffer.Length, _head.Length);
            _head[..n].CopyTo(buffer);
            _head = _head[n..];
            _position += n;
            return n;
        }
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _cancellationToken);
        while (true)
        {
            if (_length is { } length && _position >= length) return 0;
            // GetAsync retries and reports its own failures (gone, denied, changed meanwhile).
            _response ??= await _owner.GetAsync(_position, _eTag, linked.Token);
            _eTag ??= _response.ETag;
            Exception broken;
            try
            {
                var read = await _response.ResponseStream.ReadAsync(buffer, linked.Token);
                if (read > 0)
                {
                    _position += read;
                    return read;
                }
                if (_length is null || _position >= _length) return 0;
                // The body ended before the object's length without an error: ask for the rest.
                broken = new IOException($"the body ended at byte {_position} of {_length}");
            }
            catch (Exception error) when (S3Errors.IsTransient(error))
            {
                broken = error;
            }
            DropResponse();
            if (++_failures >= _owner.Attempts)
                throw _owner.Fail(broken, $"the download broke off at byte {_position} {_failures} times: {broken.Message}");
            await S3LogObject.BackoffAsync(_failures, linked.Token);
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private void DropResponse()
    {
        _response?.Dispose();
        _response = null;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) DropResponse();
        base.Dispose(disposing);
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _position; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
