namespace ActivityWatch.Ingestion.Parsing.Framing;

/// <summary>Splits one JSON Lines line into its values (usually one).</summary>
internal static class LineValues
{
    public readonly record struct Value(int Start, int Length, bool Complete);

    public static Value? Next(ReadOnlySpan<byte> line, ref int offset)
    {
        offset = JsonValueScanner.SkipWhitespace(line, offset);
        if (offset >= line.Length) return null;
        var start = offset;
        var scanner = new JsonValueScanner();
        var n = scanner.Scan(line[start..]);
        if (n <= 0)
        {
            // A bare scalar that runs to the end of the line is complete; an object or string is not.
            offset = line.Length;
            var complete = n == 0 || line[start] is not ((byte)'{' or (byte)'[' or (byte)'"');
            return new Value(start, line.Length - start, complete);
        }
        offset = start + n;
        return new Value(start, n, true);
    }
}
