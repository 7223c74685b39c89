namespace ActivityWatch.Ingestion.Parsing.Framing;

/// <summary>Finds where the array under a top-level key starts, whatever keys come before it.</summary>
internal static class KeyedArrayLocator
{
    public const int NeedMore = -1;
    public const int NotFound = -2;

    /// <returns>The index just after the array's '[', <see cref="NeedMore"/>, or <see cref="NotFound"/>.</returns>
    public static int Locate(ReadOnlySpan<byte> span, ReadOnlySpan<byte> key)
    {
        var i = JsonValueScanner.SkipWhitespace(span, 0);
        if (i == span.Length) return NeedMore;
        if (span[i++] != (byte)'{') return NotFound;
        while (true)
        {
            i = JsonValueScanner.SkipWhitespace(span, i);
            if (i >= span.Length) return NeedMore;
            if (span[i] == (byte)',')
            {
                i++;
                continue;
            }
            if (span[i] != (byte)'"') return NotFound;
            var scanner = new JsonValueScanner();
            var n = scanner.Scan(span[i..]);
            if (n < 0) return NeedMore;
            var name = span.Slice(i + 1, n - 2);
            i = JsonValueScanner.SkipWhitespace(span, i + n);
            if (i >= span.Length) return NeedMore;
            if (span[i++] != (byte)':') return NotFound;
            i = JsonValueScanner.SkipWhitespace(span, i);
            if (i >= span.Length) return NeedMore;
            if (span[i] == (byte)'[' && name.SequenceEqual(key)) return i + 1;
            scanner = new JsonValueScanner();
            n = scanner.Scan(span[i..]);
            if (n < 0) return NeedMore;
            i += n;
        }
    }
}
