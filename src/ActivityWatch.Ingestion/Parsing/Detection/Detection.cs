namespace ActivityWatch.Ingestion.Parsing.Detection;

/// <summary>What the first bytes say: the format, its layout, and the bytes to skip (a UTF-8 BOM).</summary>
internal sealed record Detection(LogFormat Format, Layout Layout, int Skip = 0, string? ArrayKey = null, string? Reason = null, string? Excerpt = null)
{
    public static Detection Empty { get; } = new(LogFormat.Empty, Layout.None);

    public static Detection Unknown(string reason, ReadOnlySpan<byte> bytes) =>
        new(LogFormat.Unknown, Layout.None, Reason: $"unrecognised log format: {reason}", Excerpt: Excerpts.Of(bytes));
}
