using System.Buffers.Binary;

namespace ActivityWatch.Ingestion.Parsing.Framing;

/// <summary>
/// Passes the compressed bytes through to GZipStream and remembers the last 8 of them.
/// GZipStream returns end-of-stream silently when its input is cut short (measured on .NET 10),
/// so truncation is found by checking the gzip trailer (RFC 1952: CRC32, then ISIZE = input
/// size mod 2^32) against the number of bytes that came out. A file may hold several members
/// (RFC 1952 allows it; `cat a.gz b.gz` makes one): each member ends with its own trailer just
/// before the next member's header, so the ISIZE in front of every header seen is added up too.
/// </summary>
internal sealed class GzipTrailerWatch(Stream inner) : Stream
{
    private static ReadOnlySpan<byte> MemberHeader => [0x1f, 0x8b, 0x08];

    private readonly byte[] _tail = new byte[8];
    private int _tailLength;
    private uint _earlierMembers;
    private int _memberStarts;

    public long BytesRead { get; private set; }

    /// <summary>
    /// True when the last member's ISIZE matches the decompressed length, or, for a file of several
    /// members, the ISIZEs of all of them do. A header's three bytes can also occur by chance inside
    /// compressed data; such a file of several members is then reported as truncated, never the
    /// other way round (a cut stream matching either sum is a 1 in 2^32 chance).
    /// </summary>
    public bool TrailerMatches(long decompressedLength)
    {
        if (BytesRead < 18 || _tailLength < 8) return false;
        var isize = BinaryPrimitives.ReadUInt32LittleEndian(_tail.AsSpan(4, 4));
        return isize == (uint)decompressedLength
               || (_memberStarts > 0 && unchecked(_earlierMembers + isize) == (uint)decompressedLength);
    }

    /// <summary>Finds the member headers that end in <paramref name="read"/>, before it is remembered as the tail.</summary>
    private void FindMemberStarts(ReadOnlySpan<byte> read)
    {
        // Headers within this read's first bytes may have begun, or have their size field, in the
        // previous read: look for those in the tail followed by those first bytes.
        Span<byte> seam = stackalloc byte[14];
        _tail.AsSpan(0, _tailLength).CopyTo(seam);
        var head = Math.Min(6, read.Length);
        read[..head].CopyTo(seam[_tailLength..]);
        for (var start = Math.Max(4, _tailLength - 2); start < _tailLength + 4 && start + 3 <= _tailLength + head; start++)
        {
            if (seam.Slice(start, 3).SequenceEqual(MemberHeader)) MemberStart(BytesRead - _tailLength + start, seam.Slice(start - 4, 4));
        }
        // The rest of this read: its headers have their size field in front of them.
        for (var from = 4; from < read.Length;)
        {
            var found = read[from..].IndexOf(MemberHeader);
            if (found < 0) break;
            MemberStart(BytesRead + from + found, read.Slice(from + found - 4, 4));
            from += found + 1;
        }
    }

    /// <summary>A header at <paramref name="offset"/> after at least one whole member: the 4 bytes before it are that member's ISIZE.</summary>
    private void MemberStart(long offset, ReadOnlySpan<byte> isize)
    {
        if (offset < 18) return;
        _earlierMembers = unchecked(_earlierMembers + BinaryPrimitives.ReadUInt32LittleEndian(isize));
        _memberStarts++;
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
        FindMemberStarts(read);
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
