using System.Runtime.CompilerServices;

namespace ActivityWatch.Ingestion.Parsing.Framing;

/// <summary>
/// Frames the elements of a JSON array (the '[' already consumed), or a sequence of top-level
/// JSON values (pretty-printed or concatenated with no separator, as Firehose writes them),
/// over the refilled window: memory stays bounded by the largest record.
/// </summary>
internal static class JsonValueFramer
{
    private enum Step { NeedMore, Value, ArrayEnd, Broken }

    public static async IAsyncEnumerable<RecordFrame> ReadAsync(
        StreamWindow window, bool insideArray, [EnumeratorCancellation] CancellationToken ct)
    {
        var afterValue = false;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            var step = NextValue(window.Span, insideArray, afterValue, out var consumed);
            window.Advance(consumed);
            if (step == Step.NeedMore)
            {
                if (await window.FillAsync(ct).ConfigureAwait(false)) continue;
                break;
            }
            if (step == Step.ArrayEnd)
            {
                await window.DrainAsync(ct).ConfigureAwait(false);
                break;
            }
            if (step == Step.Broken)
            {
                await window.EnsureAsync(Excerpts.MaxBytes, ct).ConfigureAwait(false);
                yield return new RecordFrame(default, window.Offset, null,
                    $"the array is broken at byte {window.Offset}: expected ',' or ']' after a record but found " +
                    $"'{(char)window.Span[0]}'; the rest of the object is rejected",
                    Excerpts.Of(window.Span));
                yield break;
            }

            var scanner = new JsonValueScanner();
            var start = window.Offset;
            var scanned = 0;
            while (true)
            {
                var n = scanner.Scan(window.Span[scanned..]);
                if (n >= 0)
                {
                    var length = scanned + n;
                    yield return new RecordFrame(window.Memory[..length], start, null);
                    window.Advance(length);
                    break;
                }
                scanned = window.Length;
                if (window.AtLimit)
                {
                    var excerpt = Excerpts.Of(window.Span);
                    var ended = !await SkipRestOfValueAsync(window, scanner, ct).ConfigureAwait(false);
                    yield return new RecordFrame(default, start, null, ended
                        ? window.EndProblem ?? $"unexpected end of content inside the record that starts at byte {start}"
                        : $"the record at byte {start} is longer than the {window.Limits.MaxRecordBytes} byte limit", excerpt);
                    if (ended) yield break;
                    break;
                }
                if (!await window.FillAsync(ct).ConfigureAwait(false))
                {
                    yield return new RecordFrame(default, start, null,
                        window.EndProblem ?? $"unexpected end of content inside the record that starts at byte {start}",
                        Excerpts.Of(window.Span));
                    yield break;
                }
            }
            afterValue = true;
        }
        if (window.EndProblem is { } problem)
            yield return new RecordFrame(default, window.Offset, null, problem, null);
    }

    /// <summary>Scans on without keeping the bytes; false when the content ends first.</summary>
    private static async ValueTask<bool> SkipRestOfValueAsync(StreamWindow window, JsonValueScanner scanner, CancellationToken ct)
    {
        window.Advance(window.Length);
        while (await window.FillAsync(ct).ConfigureAwait(false))
        {
            var n = scanner.Scan(window.Span);
            if (n >= 0)
            {
                window.Advance(n);
                return true;
            }
            window.Advance(window.Length);
        }
        return false;
    }

    private static Step NextValue(ReadOnlySpan<byte> span, bool insideArray, bool afterValue, out int consumed)
    {
        var i = 0;
        while (true)
        {
            i = JsonValueScanner.SkipWhitespace(span, i);
            consumed = i;
            if (i == span.Length) return Step.NeedMore;
            if (!insideArray) return Step.Value;
            switch (span[i])
            {
                case (byte)']':
                    consumed = i + 1;
                    return Step.ArrayEnd;
                case (byte)',':
                    afterValue = false;
                    i++;
                    continue;
                // A missing comma between two records still leaves a clear boundary: keep going.
                case (byte)'{' or (byte)'[' or (byte)'"':
                    return Step.Value;
                default:
                    return afterValue ? Step.Broken : Step.Value;
            }
        }
    }
}
