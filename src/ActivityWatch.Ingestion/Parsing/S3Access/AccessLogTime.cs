namespace ActivityWatch.Ingestion.Parsing.S3Access;

/// <summary>The access log's time, "06/Feb/2019:00:00:38 +0000" (strftime "%d/%b/%Y:%H:%M:%S %z").</summary>
internal static class AccessLogTime
{
    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    public static bool TryParse(ReadOnlySpan<char> text, out DateTimeOffset time)
    {
        time = default;
        if (text.Length != 26 || text[2] != '/' || text[6] != '/' || text[11] != ':' || text[14] != ':' || text[17] != ':'
            || text[20] != ' ' || text[21] is not ('+' or '-'))
            return false;
        var month = Array.IndexOf(Months, text.Slice(3, 3).ToString()) + 1;
        if (month == 0
            || !TryDigits(text[..2], out var day) || !TryDigits(text.Slice(7, 4), out var year)
            || !TryDigits(text.Slice(12, 2), out var hour) || !TryDigits(text.Slice(15, 2), out var minute)
            || !TryDigits(text.Slice(18, 2), out var second)
            || !TryDigits(text.Slice(22, 2), out var offsetHours) || !TryDigits(text.Slice(24, 2), out var offsetMinutes))
            return false;
        if (day < 1 || day > DateTime.DaysInMonth(year is >= 1 and <= 9999 ? year : 1, month) || hour > 23 || minute > 59 || second > 59
            || year < 1 || offsetHours > 14 || offsetMinutes > 59)
            return false;
        var offset = new TimeSpan(offsetHours, offsetMinutes, 0);
        time = new DateTimeOffset(year, month, day, hour, minute, second, text[21] == '-' ? -offset : offset).ToUniversalTime();
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        foreach (var c in text)
        {
            if (c is < '0' or > '9') return false;
            value = value * 10 + (c - '0');
        }
        return true;
    }
}
