using System.Runtime.CompilerServices;
using System.Text.Json;
using ActivityWatch.Ingestion.Parsing.CloudTrail;

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
        StreamWindow window, bool insideArray, long skip, [EnumeratorCancellation] CancellationToken ct)
    {
        var afterValue = false;
        // Positions being skipped on resume are only framed, never parsed.
        var framed = 0L;
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

            var start = window.Offset;
            if (framed++ >= skip && TryParse(window.Span, window.Completed, out var parsed, out var parsedLength))
            {
                yield return new RecordFrame(window.Memory[..parsedLength], start, null, Parsed: parsed);
                window.Advance(parsedLength);
                afterValue = true;
                continue;
            }

            var scanner = new JsonValueScanner();
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

    /// <summary>
    /// The fast path: a well-formed record that is whole in the window is parsed where it lies,
    /// and the parser tells where it ends, so the lenient scan runs only for records that are
    /// broken or cross the end of the window.
    /// </summary>
    private static bool TryParse(ReadOnlySpan<byte> span, bool final, out JsonElement element, out int length)
    {
        var reader = new Utf8JsonReader(span, final, new JsonReaderState(JsonOptions.Reader));
        try
        {
            if (JsonElement.TryParseValue(ref reader, out var value) && value is { } parsed)
            {
                element = parsed;
                length = (int)reader.BytesConsumed;
                return true;
            }
        }
        catch (JsonException)
        {
            // Invalid JSON: the lenient scan frames it, and the record reader says why it is rejected.
        }
        element = default;
        length = 0;
        return false;
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
