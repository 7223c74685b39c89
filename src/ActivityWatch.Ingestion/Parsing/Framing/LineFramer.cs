using System.Runtime.CompilerServices;

namespace ActivityWatch.Ingestion.Parsing.Framing;

/// <summary>Frames non-blank lines (\n or \r\n) over the refilled window, with their 1-based line numbers.</summary>
internal static class LineFramer
{
    public static async IAsyncEnumerable<RecordFrame> ReadAsync(StreamWindow window, [EnumeratorCancellation] CancellationToken ct)
    {
        long line = 0;
        var scanned = 0;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            var newline = window.Span[scanned..].IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var length = scanned + newline;
                line++;
                var bytes = TrimCarriageReturn(window.Memory[..length]);
                if (!IsBlank(bytes.Span)) yield return new RecordFrame(bytes, window.Offset, line);
                window.Advance(length + 1);
                scanned = 0;
                continue;
            }
            scanned = window.Length;
            if (window.AtLimit)
            {
                line++;
                var start = window.Offset;
                var excerpt = Excerpts.Of(window.Span);
                var ended = !await SkipRestOfLineAsync(window, ct).ConfigureAwait(false);
                yield return new RecordFrame(default, start, line, ended && window.EndProblem is { } p
                    ? p
                    : $"line {line} is longer than the {window.Limits.MaxRecordBytes} byte limit", excerpt);
                if (ended) yield break;
                scanned = 0;
                continue;
            }
            if (await window.FillAsync(ct).ConfigureAwait(false)) continue;

            if (window.Length > 0)
            {
                line++;
                // A cut-short object ends mid-line: that partial line is the truncation, not a record.
                if (window.EndProblem is { } problem)
                {
                    yield return new RecordFrame(default, window.Offset, line, problem, Excerpts.Of(window.Span));
                    yield break;
                }
                var last = TrimCarriageReturn(window.Memory);
                if (!IsBlank(last.Span)) yield return new RecordFrame(last, window.Offset, line);
                window.Advance(window.Length);
            }
            if (window.EndProblem is { } endProblem)
                yield return new RecordFrame(default, window.Offset, null, endProblem, null);
            yield break;
        }
    }

    private static async ValueTask<bool> SkipRestOfLineAsync(StreamWindow window, CancellationToken ct)
    {
        window.Advance(window.Length);
        while (await window.FillAsync(ct).ConfigureAwait(false))
        {
            var newline = window.Span.IndexOf((byte)'\n');
            if (newline >= 0)
            {
                window.Advance(newline + 1);
                return true;
            }
            window.Advance(window.Length);
        }
        return false;
    }

    private static ReadOnlyMemory<byte> TrimCarriageReturn(ReadOnlyMemory<byte> line) =>
        line.Length > 0 && line.Span[^1] == (byte)'\r' ? line[..^1] : line;

    public static bool IsBlank(ReadOnlySpan<byte> bytes) =>
        bytes.IndexOfAnyExcept(" \t\r\n"u8) < 0;
}
