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
        // Values run together only as objects or arrays (Firehose); anything else is the rest of the line.
        if (line[start] is not ((byte)'{' or (byte)'['))
        {
            offset = line.Length;
            return new Value(start, line.Length - start, true);
        }
        var scanner = new JsonValueScanner();
        var n = scanner.Scan(line[start..]);
        if (n < 0)
        {
            offset = line.Length;
            return new Value(start, line.Length - start, false);
        }
        offset = start + n;
        return new Value(start, n, true);
    }
}
