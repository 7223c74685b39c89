using System.Text;

namespace ActivityWatch.Ingestion.Parsing;

internal static class Excerpts
{
    public const int MaxBytes = 500;

    /// <summary>The first bytes of a bad record, decoded with replacement characters so any bytes will do.</summary>
    public static string Of(ReadOnlySpan<byte> bytes) =>
        Encoding.UTF8.GetString(bytes[..Math.Min(bytes.Length, MaxBytes)]);
}
