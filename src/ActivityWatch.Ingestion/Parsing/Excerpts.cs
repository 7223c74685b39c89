using System.Text;

namespace ActivityWatch.Ingestion.Parsing;

internal static class Excerpts
{
    public const int MaxBytes = 500;

    /// <summary>
    /// The first bytes of a bad record, decoded with replacement characters so any bytes will do.
    /// Control characters other than tab and newlines become U+FFFD: PostgreSQL's jsonb rejects
    /// \u0000 (22P05), and one binary object must not fail the quarantine transaction.
    /// </summary>
    public static string Of(ReadOnlySpan<byte> bytes)
    {
        var text = Encoding.UTF8.GetString(bytes[..Math.Min(bytes.Length, MaxBytes)]);
        if (!text.AsSpan().ContainsAnyInRange('\0', '\u0008') && !text.AsSpan().ContainsAnyInRange('\u000B', '\u001F')) return text;
        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = c < ' ' && c is not ('\t' or '\n' or '\r') ? '\uFFFD' : c;
            }
        });
    }
}
