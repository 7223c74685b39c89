using System.Runtime.CompilerServices;
using System.Text;
using ActivityWatch.Ingestion.Parsing.CloudTrail;
using ActivityWatch.Ingestion.Parsing.Formats;
using ActivityWatch.Ingestion.Parsing.Framing;
using ActivityWatch.Ingestion.Parsing.S3Access;
using ActivityWatch.Monitoring.Records;

namespace ActivityWatch.Ingestion.Parsing;

/// <summary>
/// An opened log object. Every position yields exactly one <see cref="ParsedRecord"/>, a record
/// or a rejection, so records read = records + rejections. Positions count the records (array
/// elements, or non-blank lines) in order from 0, so they are stable for identical content.
/// </summary>
public sealed class LogObject : IAsyncDisposable
{
    private readonly string _sourceObject;
    private readonly Stream _decoded;
    private readonly StreamWindow _window;
    private readonly SniffedFormat _format;
    private readonly HashingStream? _hashing;
    private int _reading;

    internal LogObject(string sourceObject, Stream decoded, StreamWindow window, SniffedFormat format, bool gzipped, HashingStream? hashing = null)
    {
        _sourceObject = sourceObject;
        _decoded = decoded;
        _window = window;
        _format = format;
        _hashing = hashing;
        Gzipped = gzipped;
    }

    public LogFormat Format => _format.Format;

    /// <summary>True when the content was gzip-compressed (told by its magic bytes).</summary>
    public bool Gzipped { get; }

    /// <summary>The largest read buffer used so far: it bounds memory whatever the object size.</summary>
    internal int PeakBufferBytes => _window.PeakBufferBytes;

    /// <summary>
    /// Streams every position in order. Positions below <paramref name="startPosition"/> are framed
    /// but not parsed (resuming an interrupted ingest). The content is read once: call this once.
    /// </summary>
    public async IAsyncEnumerable<ParsedRecord> ReadAsync(long startPosition, [EnumeratorCancellation] CancellationToken ct = default)
    {
        if (Interlocked.Exchange(ref _reading, 1) != 0)
            throw new InvalidOperationException("A log object streams its content once; open it again to re-read.");

        if (Format == LogFormat.Unknown)
        {
            if (startPosition <= 0) yield return Rejected(0, 0, null, _format.Reason!, _format.Excerpt);
            yield break;
        }
        if (Format == LogFormat.CloudTrailDigest) yield break;
        if (Format == LogFormat.Empty)
        {
            // A gzip stream cut off before its first byte is still worth reporting.
            await _window.DrainAsync(ct).ConfigureAwait(false);
            if (_window.EndProblem is { } problem && startPosition <= 0) yield return Rejected(0, _window.Offset, null, problem, null);
            yield break;
        }

        _window.Advance(_format.Skip);
        var position = 0L;
        await foreach (var frame in FramesAsync(startPosition, ct).ConfigureAwait(false))
        {
            if (frame.Problem is not null)
            {
                if (position >= startPosition)
                    yield return Rejected(position, frame.ByteOffset, frame.Line, frame.Problem, frame.Excerpt ?? Excerpts.Of(frame.Bytes.Span));
                position++;
                continue;
            }
            if (_format.Layout == Layout.TextLines)
            {
                if (position >= startPosition) yield return ParseAccessLogLine(frame, position);
                position++;
                continue;
            }
            if (_format.Layout != Layout.JsonLines)
            {
                if (position >= startPosition) yield return ParseJson(frame.Bytes.Span, frame.Parsed, frame.ByteOffset, null, position);
                position++;
                continue;
            }
            // One line may hold several values run together: each is its own position.
            var offset = 0;
            while (LineValues.Next(frame.Bytes.Span, ref offset) is { } value)
            {
                if (position >= startPosition)
                {
                    var bytes = frame.Bytes.Span.Slice(value.Start, value.Length);
                    yield return value.Complete
                        ? ParseJson(bytes, null, frame.ByteOffset + value.Start, frame.Line, position)
                        : Rejected(position, frame.ByteOffset + value.Start, frame.Line,
                            $"line {frame.Line}: the line ends inside a JSON value", Excerpts.Of(bytes));
                }
                position++;
            }
        }
    }

    /// <summary>
    /// After <see cref="ReadAsync"/>: reads whatever the parser left unread (the rest of an object
    /// whose array broke off, say) and returns the SHA-256 of the whole decompressed content; null
    /// when the content was not hashed or stopped at <see cref="ReaderLimits.MaxObjectBytes"/>.
    /// </summary>
    internal async Task<string?> FinishContentHashAsync(CancellationToken ct)
    {
        if (_hashing is null) return null;
        await _window.DrainAsync(ct).ConfigureAwait(false);
        return _window.LimitReached ? null : _hashing.Sha256Hex();
    }

    /// <summary>
    /// The whole decompressed content, for small documents read as one (digest files), or why not:
    /// longer than <paramref name="maxBytes"/>, or cut short.
    /// </summary>
    internal async Task<(byte[]? Content, string? Problem)> ReadWholeAsync(int maxBytes, CancellationToken ct)
    {
        if (Interlocked.Exchange(ref _reading, 1) != 0)
            throw new InvalidOperationException("A log object streams its content once; open it again to re-read.");
        using var content = new MemoryStream();
        do
        {
            if (content.Length + _window.Length > maxBytes)
                return (null, $"the document is longer than {maxBytes} bytes");
            content.Write(_window.Span);
            _window.Advance(_window.Length);
        }
        while (await _window.FillAsync(ct).ConfigureAwait(false));
        return _window.EndProblem is { } problem ? (null, problem) : (content.ToArray(), null);
    }

    private IAsyncEnumerable<RecordFrame> FramesAsync(long skip, CancellationToken ct) => _format.Layout switch
    {
        Layout.KeyedArray => KeyedArrayFramesAsync(skip, ct),
        Layout.TopLevelArray => TopLevelArrayFramesAsync(skip, ct),
        Layout.JsonSequence => JsonValueFramer.ReadAsync(_window, insideArray: false, skip, ct),
        _ => LineFramer.ReadAsync(_window, ct),
    };

    private async IAsyncEnumerable<RecordFrame> TopLevelArrayFramesAsync(long skip, [EnumeratorCancellation] CancellationToken ct)
    {
        // The sniffer saw the '[' after optional whitespace.
        while (_window.Span.IndexOf((byte)'[') is var at && at < 0 && await _window.FillAsync(ct).ConfigureAwait(false)) { }
        _window.Advance(_window.Span.IndexOf((byte)'[') + 1);
        await foreach (var frame in JsonValueFramer.ReadAsync(_window, insideArray: true, skip, ct).ConfigureAwait(false))
            yield return frame;
    }

    private async IAsyncEnumerable<RecordFrame> KeyedArrayFramesAsync(long skip, [EnumeratorCancellation] CancellationToken ct)
    {
        var key = Encoding.UTF8.GetBytes(_format.ArrayKey!);
        int start;
        while ((start = KeyedArrayLocator.Locate(_window.Span, key)) == KeyedArrayLocator.NeedMore
               && !_window.AtLimit && await _window.FillAsync(ct).ConfigureAwait(false)) { }
        if (start < 0)
        {
            yield return new RecordFrame(default, _window.Offset, null,
                _window.EndProblem ?? $"the \"{_format.ArrayKey}\" array could not be found within {_window.Length} bytes",
                Excerpts.Of(_window.Span));
            yield break;
        }
        _window.Advance(start);
        await foreach (var frame in JsonValueFramer.ReadAsync(_window, insideArray: true, skip, ct).ConfigureAwait(false))
            yield return frame;
    }

    private ParsedRecord ParseJson(ReadOnlySpan<byte> bytes, System.Text.Json.JsonElement? parsed, long byteOffset, long? line, long position)
    {
        ActivityRecorded? record;
        string? reason;
        try
        {
            record = CloudTrailRecordReader.Read(bytes, parsed, _sourceObject, position, out reason);
        }
        catch (Exception error) when (error is not (OperationCanceledException or OutOfMemoryException))
        {
            // The mapper tolerates every shape it knows of; this keeps one it does not from ending the object.
            record = null;
            reason = $"the record could not be read ({error.GetType().Name}: {error.Message})";
        }
        return record is not null
            ? new ParsedRecord(position, record, null)
            : Rejected(position, byteOffset, line, line is null ? reason! : $"line {line}: {reason}", Excerpts.Of(bytes));
    }

    private ParsedRecord ParseAccessLogLine(RecordFrame frame, long position)
    {
        var record = S3AccessLogLineParser.Parse(frame.Bytes.Span, _sourceObject, position, out var reason);
        return record is not null
            ? new ParsedRecord(position, record, null)
            : Rejected(position, frame.ByteOffset, frame.Line, $"line {frame.Line}: {reason}", Excerpts.Of(frame.Bytes.Span));
    }

    private static ParsedRecord Rejected(long position, long? byteOffset, long? line, string reason, string? excerpt) =>
        new(position, null, new RecordRejection(position, byteOffset, line, reason, excerpt));

    public async ValueTask DisposeAsync()
    {
        _window.Dispose();
        await _decoded.DisposeAsync().ConfigureAwait(false);
    }
}
