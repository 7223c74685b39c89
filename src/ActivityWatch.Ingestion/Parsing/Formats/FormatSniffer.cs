using ActivityWatch.Ingestion.Parsing.Framing;
using ActivityWatch.Ingestion.Parsing.S3Access;

namespace ActivityWatch.Ingestion.Parsing.Formats;

/// <summary>Recognises the format from the first non-whitespace bytes, peeking without consuming.</summary>
internal static class FormatSniffer
{
    public static async ValueTask<SniffedFormat> SniffAsync(StreamWindow window, CancellationToken ct)
    {
        while (true)
        {
            var final = window.Completed || window.Length >= window.Limits.DetectionBytes;
            if (Classify(window.Span, final) is { } format) return format;
            await window.FillAsync(ct).ConfigureAwait(false);
        }
    }

    /// <summary>Null when more bytes are needed to decide.</summary>
    public static SniffedFormat? Classify(ReadOnlySpan<byte> span, bool final)
    {
        var skip = span.StartsWith("\uFEFF"u8) ? 3 : 0;
        var i = JsonValueScanner.SkipWhitespace(span, skip);
        if (i == span.Length) return final ? SniffedFormat.Empty with { Skip = skip } : null;

        var keys = new List<string>();
        switch (span[i])
        {
            case (byte)'{':
            {
                var kind = ObjectKeyClassifier.Classify(span, i, out var needMore, keys);
                return kind switch
                {
                    ObjectKind.RecordsArray => new(LogFormat.CloudTrailRecords, Layout.KeyedArray, skip, "Records"),
                    ObjectKind.EventsArray => new(LogFormat.CloudTrailJsonLines, Layout.KeyedArray, skip, "Events"),
                    ObjectKind.Digest => new(LogFormat.CloudTrailDigest, Layout.None, skip),
                    ObjectKind.EventBridge => new(LogFormat.EventBridge, TopLevelLayout(span, i), skip),
                    ObjectKind.CloudTrailRecord => new(LogFormat.CloudTrailJsonLines, TopLevelLayout(span, i), skip),
                    _ when needMore && !final => null,
                    _ => SniffedFormat.Unknown(
                        $"a JSON object with no Records array, EventBridge detail or CloudTrail record keys (keys: {string.Join(", ", keys)})",
                        span[i..]),
                };
            }
            case (byte)'[':
            {
                var j = JsonValueScanner.SkipWhitespace(span, i + 1);
                if (j == span.Length) return final ? SniffedFormat.Unknown("an unterminated JSON array", span[i..]) : null;
                if (span[j] == (byte)']') return SniffedFormat.Empty with { Skip = skip };
                if (span[j] != (byte)'{') return SniffedFormat.Unknown("a JSON array whose first element is not an object", span[i..]);
                var kind = ObjectKeyClassifier.Classify(span, j, out var needMore, keys);
                return kind switch
                {
                    ObjectKind.EventBridge => new(LogFormat.EventBridge, Layout.TopLevelArray, skip),
                    ObjectKind.CloudTrailRecord => new(LogFormat.CloudTrailJsonLines, Layout.TopLevelArray, skip),
                    _ when needMore && !final => null,
                    _ => SniffedFormat.Unknown(
                        $"a JSON array of objects that are neither EventBridge events nor CloudTrail records (keys: {string.Join(", ", keys)})",
                        span[i..]),
                };
            }
            default:
                var line = span[i..];
                var newline = line.IndexOf((byte)'\n');
                if (newline >= 0) line = line[..newline];
                else if (!final && line.Length < 64) return null;
                return S3AccessLogLineParser.LooksLikeAccessLogLine(line)
                    ? new(LogFormat.S3AccessLog, Layout.TextLines, skip)
                    : SniffedFormat.Unknown("neither JSON nor an S3 server access log line", span[i..]);
        }
    }

    /// <summary>
    /// One value per line is JSON Lines, framed line by line so a broken line cannot swallow the
    /// next. A value spanning lines (pretty-printed) or several values on one line (Firehose
    /// concatenates EventBridge events with no newline) is framed by nesting depth instead.
    /// </summary>
    private static Layout TopLevelLayout(ReadOnlySpan<byte> span, int start)
    {
        var scanner = new JsonValueScanner();
        var n = scanner.Scan(span[start..]);
        if (n < 0) return span[start..].Contains((byte)'\n') ? Layout.JsonSequence : Layout.JsonLines;
        if (span.Slice(start, n).Contains((byte)'\n')) return Layout.JsonSequence;
        var rest = span[(start + n)..];
        var next = rest.IndexOfAnyExcept(" \t\r"u8);
        return next >= 0 && rest[next] is (byte)'{' ? Layout.JsonSequence : Layout.JsonLines;
    }
}
