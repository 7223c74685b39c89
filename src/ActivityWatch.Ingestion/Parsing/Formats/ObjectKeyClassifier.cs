using ActivityWatch.Ingestion.Parsing.Framing;

namespace ActivityWatch.Ingestion.Parsing.Formats;

/// <summary>
/// Walks the top-level keys of a JSON object, in order, until one says what the object is.
/// Key order is not fixed by AWS (the Records key need not come first), so every key is looked at.
/// </summary>
internal static class ObjectKeyClassifier
{
    public static ObjectKind Classify(ReadOnlySpan<byte> span, int objectStart, out bool needMore, List<string> keys)
    {
        needMore = false;
        var i = objectStart + 1;
        while (true)
        {
            i = JsonValueScanner.SkipWhitespace(span, i);
            if (i >= span.Length) break;
            if (span[i] == (byte)'}') return ObjectKind.Undecided;
            if (span[i] == (byte)',')
            {
                i++;
                continue;
            }
            if (span[i] != (byte)'"') return ObjectKind.Undecided;
            var keyEnd = EndOfString(span, i + 1);
            if (keyEnd < 0) break;
            var key = span[(i + 1)..keyEnd];
            if (keys.Count < 8) keys.Add(Excerpts.Of(key));
            i = JsonValueScanner.SkipWhitespace(span, keyEnd + 1);
            if (i >= span.Length) break;
            if (span[i] != (byte)':') return ObjectKind.Undecided;
            i = JsonValueScanner.SkipWhitespace(span, i + 1);
            if (i >= span.Length) break;

            var kind = KindOf(key, span[i]);
            if (kind != ObjectKind.Undecided) return kind;

            var scanner = new JsonValueScanner();
            var n = scanner.Scan(span[i..]);
            if (n < 0) break;
            i += n;
        }
        needMore = true;
        return ObjectKind.Undecided;
    }

    private static ObjectKind KindOf(ReadOnlySpan<byte> key, byte valueStart)
    {
        if (key.SequenceEqual("Records"u8)) return valueStart == (byte)'[' ? ObjectKind.RecordsArray : ObjectKind.Undecided;
        // aws cloudtrail lookup-events prints {"Events":[{..., "CloudTrailEvent":"<record as a JSON string>"}]}.
        if (key.SequenceEqual("Events"u8)) return valueStart == (byte)'[' ? ObjectKind.EventsArray : ObjectKind.Undecided;
        if (key.SequenceEqual("detail-type"u8) || key.SequenceEqual("detail"u8)) return ObjectKind.EventBridge;
        if (key.StartsWith("digest"u8) || key.SequenceEqual("logFiles"u8) || key.StartsWith("previousDigest"u8))
            return ObjectKind.Digest;
        if (key.SequenceEqual("eventVersion"u8) || key.SequenceEqual("eventTime"u8) || key.SequenceEqual("eventID"u8)
            || key.SequenceEqual("eventName"u8) || key.SequenceEqual("eventSource"u8) || key.SequenceEqual("userIdentity"u8)
            || key.SequenceEqual("eventType"u8) || key.SequenceEqual("CloudTrailEvent"u8))
            return ObjectKind.CloudTrailRecord;
        return ObjectKind.Undecided;
    }

    private static int EndOfString(ReadOnlySpan<byte> span, int from)
    {
        for (var i = from; i < span.Length; i++)
        {
            if (span[i] == (byte)'\\') i++;
            else if (span[i] == (byte)'"') return i;
        }
        return -1;
    }
}
