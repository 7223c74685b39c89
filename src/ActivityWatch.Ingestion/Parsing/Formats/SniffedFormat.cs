namespace ActivityWatch.Ingestion.Parsing.Formats;

/// <summary>What the first bytes say: the format, its layout, and the bytes to skip (a UTF-8 BOM).</summary>
internal sealed record SniffedFormat(LogFormat Format, Layout Layout, int Skip = 0, string? ArrayKey = null, string? Reason = null, string? Excerpt = null)
{
    public static SniffedFormat Empty { get; } = new(LogFormat.Empty, Layout.None);

    public static SniffedFormat Unknown(string reason, ReadOnlySpan<byte> bytes) =>
        new(LogFormat.Unknown, Layout.None, Reason: $"unrecognised log format: {reason}", Excerpt: Excerpts.Of(bytes));
}
