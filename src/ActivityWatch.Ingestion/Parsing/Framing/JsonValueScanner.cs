using System.Buffers;

namespace ActivityWatch.Ingestion.Parsing.Framing;

/// <summary>
/// Finds where one JSON value ends without validating it: tracks nesting depth, strings and
/// escapes only, so a record with invalid JSON or invalid UTF-8 inside still has a boundary and
/// can be rejected alone. Brackets are not matched by kind, on purpose: leniency keeps the
/// neighbours of a broken record readable.
/// </summary>
internal struct JsonValueScanner
{
    private static readonly SearchValues<byte> InString = SearchValues.Create("\"\\"u8);
    private static readonly SearchValues<byte> Structural = SearchValues.Create("\"{}[]"u8);
    private static readonly SearchValues<byte> ScalarEnd = SearchValues.Create(",]} \t\r\n"u8);

    private int _depth;
    private bool _inString;
    private bool _escape;
    private bool _started;

    public readonly bool Started => _started;

    /// <summary>
    /// Scans the next bytes of the value. Returns how many of them belong to the value once it
    /// is complete, or -1 when they all do and the value goes on (the state carries over, so the
    /// next call gets only the bytes after these).
    /// </summary>
    public int Scan(ReadOnlySpan<byte> span)
    {
        var i = 0;
        while (i < span.Length)
        {
            if (_inString)
            {
                if (_escape)
                {
                    _escape = false;
                    i++;
                    continue;
                }
                var q = span[i..].IndexOfAny(InString);
                if (q < 0) return -1;
                i += q;
                if (span[i++] == (byte)'\\')
                {
                    _escape = true;
                    continue;
                }
                _inString = false;
                if (_depth == 0) return i;
                continue;
            }
            if (!_started)
            {
                _started = true;
                var first = span[i++];
                if (first == (byte)'"') _inString = true;
                else if (first is (byte)'{' or (byte)'[') _depth = 1;
                continue;
            }
            if (_depth == 0)
            {
                var end = span[i..].IndexOfAny(ScalarEnd);
                return end < 0 ? -1 : i + end;
            }
            var s = span[i..].IndexOfAny(Structural);
            if (s < 0) return -1;
            i += s;
            switch (span[i++])
            {
                case (byte)'"':
                    _inString = true;
                    break;
                case (byte)'{' or (byte)'[':
                    _depth++;
                    break;
                default:
                    if (--_depth == 0) return i;
                    break;
            }
        }
        return -1;
    }

    public static bool IsWhitespace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';

    public static int SkipWhitespace(ReadOnlySpan<byte> span, int from)
    {
        while (from < span.Length && IsWhitespace(span[from])) from++;
        return from;
    }
}
