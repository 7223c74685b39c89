using System.Buffers;

namespace ActivityWatch.Ingestion.Parsing.Framing;

/// <summary>
/// A refilled window over the (decompressed) content: the unconsumed bytes stay in one pooled
/// buffer that grows only while a single record does not fit, up to the record limit.
/// </summary>
internal sealed class StreamWindow : IDisposable
{
    private readonly Stream _stream;
    private readonly GzipTrailerWatch? _gzip;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private long _baseOffset;

    public StreamWindow(Stream stream, GzipTrailerWatch? gzip, ReaderLimits limits)
    {
        _stream = stream;
        _gzip = gzip;
        Limits = limits;
        _buffer = ArrayPool<byte>.Shared.Rent(limits.InitialBufferBytes);
        PeakBufferBytes = _buffer.Length;
    }

    public ReaderLimits Limits { get; }

    public ReadOnlySpan<byte> Span => _buffer.AsSpan(_start, _end - _start);

    public ReadOnlyMemory<byte> Memory => _buffer.AsMemory(_start, _end - _start);

    public int Length => _end - _start;

    /// <summary>Offset in the decompressed content of <see cref="Span"/>[0].</summary>
    public long Offset => _baseOffset + _start;

    public bool Completed { get; private set; }

    /// <summary>Set at the end when the gzip stream was cut short or corrupt, or too long: why the content ended early.</summary>
    public string? EndProblem { get; private set; }

    /// <summary>True when reading stopped at <see cref="ReaderLimits.MaxObjectBytes"/>, short of the end.</summary>
    public bool LimitReached { get; private set; }

    public int PeakBufferBytes { get; private set; }

    /// <summary>True when the unconsumed bytes fill the largest buffer allowed: the caller must consume or discard.</summary>
    public bool AtLimit => Length >= Limits.MaxRecordBytes;

    public void Advance(int count) => _start += count;

    /// <summary>Reads more content after the unconsumed bytes; false at the end of the content.</summary>
    public async ValueTask<bool> FillAsync(CancellationToken ct)
    {
        if (Completed) return false;
        MakeRoom();
        var allowed = Limits.MaxObjectBytes - (_baseOffset + _end);
        if (allowed <= 0)
        {
            Complete($"the content is longer than the {Limits.MaxObjectBytes}-byte limit (ActivityWatch:Ingestion:MaxObjectBytes): nothing after decompressed byte {Limits.MaxObjectBytes} is read");
            LimitReached = true;
            return false;
        }
        int read;
        try
        {
            var room = _buffer.AsMemory(_end);
            read = await _stream.ReadAsync(room.Length > allowed ? room[..(int)allowed] : room, ct).ConfigureAwait(false);
        }
        catch (InvalidDataException e) when (_gzip is not null)
        {
            Complete($"corrupt gzip stream at decompressed byte {_baseOffset + _end}: {e.Message}");
            return false;
        }
        if (read == 0)
        {
            var decompressed = _baseOffset + _end;
            Complete(_gzip is null || _gzip.TrailerMatches(decompressed)
                ? null
                : $"truncated gzip stream at decompressed byte {decompressed}");
            return false;
        }
        _end += read;
        return true;
    }

    /// <summary>Fills until at least <paramref name="count"/> bytes are unconsumed or the content ends.</summary>
    public async ValueTask<bool> EnsureAsync(int count, CancellationToken ct)
    {
        while (Length < count)
            if (!await FillAsync(ct).ConfigureAwait(false)) return false;
        return true;
    }

    /// <summary>Reads and drops the rest, so the gzip trailer gets checked.</summary>
    public async ValueTask DrainAsync(CancellationToken ct)
    {
        do Advance(Length);
        while (await FillAsync(ct).ConfigureAwait(false));
    }

    private void MakeRoom()
    {
        if (_start == _end)
        {
            _baseOffset += _start;
            _start = _end = 0;
        }
        if (_end < _buffer.Length) return;
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _baseOffset += _start;
            _end -= _start;
            _start = 0;
            return;
        }
        if (_buffer.Length >= Limits.MaxRecordBytes)
            throw new InvalidOperationException("The read buffer is at its limit: discard before filling.");
        var grown = ArrayPool<byte>.Shared.Rent(Math.Min(Limits.MaxRecordBytes, _buffer.Length * 2));
        Buffer.BlockCopy(_buffer, 0, grown, 0, _end);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = grown;
        PeakBufferBytes = Math.Max(PeakBufferBytes, grown.Length);
    }

    private void Complete(string? problem)
    {
        Completed = true;
        EndProblem = problem;
    }

    public void Dispose()
    {
        if (_buffer.Length == 0) return;
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
        _start = _end = 0;
    }
}
