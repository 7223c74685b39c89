using System.Globalization;

namespace ActivityWatch.Cli.Output;

/// <summary>
/// Times on the command line: ISO 8601 dates and times, UTC unless an offset is written (log
/// times are UTC; the machine's zone would shift a day's search by hours).
/// </summary>
public static class TimeArgument
{
    public const string Forms = "use 2026-11-01 or 2026-11-01T10:00:00Z";

    private static readonly string[] Formats =
    [
        "yyyy-MM-dd",
        "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd HH:mmK", "yyyy-MM-dd HH:mm:ssK", "yyyy-MM-dd HH:mm:ss.FFFFFFFK",
    ];

    public static bool TryParse(string? text, out DateTimeOffset value) =>
        DateTimeOffset.TryParseExact(text?.Trim(), Formats, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);

    public static string Invalid(string text, string option) => $"invalid date '{text}' for {option} ({Forms})";
}
