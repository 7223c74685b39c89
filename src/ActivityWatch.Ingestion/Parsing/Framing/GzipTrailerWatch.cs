namespace ActivityWatch.Ingestion.Parsing.Framing;

/// <summary>
/// Passes the compressed bytes through to GZipStream and remembers the last 8 of them.
/// GZipStream returns end-of-stream silently when its input is cut short (measured on .NET 10),
/// so truncation is found by checking the gzip trailer (RFC 1952: CRC32, then ISIZE = input
/// size mod 2^32) against the number of bytes that came out.
/// </summary>
internal sealed class GzipTrailerWatch(Stream inner) : Stream
{
    private readonly byte[] _tail = new byte[8];
    private int _tailLength;

    public long BytesRead { get; private set; }

    /// <summary>
    /// True when the last member's ISIZE matches the decompressed length. Concatenated members
    /// (RFC 1952 allows them; CloudTrail and Firehose write one) would only match for the last
    /// member, so such objects are reported as truncated after all their records were read.
    /// </summary>
    public bool TrailerMatches(long decompressedLength)
    {
        if (BytesRead < 18 || _tailLength < 8) return false;
        var isize = BitConverter.ToUInt32(_tail.AsSpan(4, 4));
        if (!BitConverter.IsLittleEndian) isize = System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(isize);
        return isize == (uint)decompressedLength;
    }

    public override int Read(byte[] buffer, int offset, int count) => Remember(buffer.AsSpan(offset, inner.Read(buffer, offset, count)));

    public override int Read(Span<byte> buffer) => Remember(buffer[..inner.Read(buffer)]);

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var n = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        return Remember(buffer.Span[..n]);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private int Remember(ReadOnlySpan<byte> read)
    {
        BytesRead += read.Length;
        if (read.Length >= 8)
        {
            read[^8..].CopyTo(_tail);
            _tailLength = 8;
        }
        else if (read.Length > 0)
        {
            var keep = Math.Min(_tailLength, 8 - read.Length);
            _tail.AsSpan(_tailLength - keep, keep).CopyTo(_tail);
            read.CopyTo(_tail.AsSpan(keep));
            _tailLength = keep + read.Length;
        }
        return read.Length;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => BytesRead; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
