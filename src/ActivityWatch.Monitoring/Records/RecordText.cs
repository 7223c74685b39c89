using System.Text;

namespace ActivityWatch.Monitoring.Records;

/// <summary>
/// Text from a log record made safe to store and index. Every field of a record can be written by
/// an attacker (a user agent, a request parameter), and PostgreSQL refuses some of what JSON allows:
/// <c>text</c> and <c>jsonb</c> reject the NUL character (22021, 22P05), a lone UTF-16 surrogate has no
/// UTF-8 form at all, and a B-tree index entry must stay under about 2.7 KB (54000). One such value
/// used to fail the whole batch it was in, and under <c>watch</c> the partition behind it forever.
/// The raw record is kept exactly as logged (as bytes, see EventBodies); only the normalised copies of
/// its fields, which feed indexes, views and documents, are cleaned here.
/// </summary>
public static class RecordText
{
    public const char Replacement = '\uFFFD';
    public const string TruncationMark = "…[truncated]";

    /// <summary>For indexed fields (principal, key, address, event name): well under the B-tree limit even when two share an index.</summary>
    public const int IndexedBytes = 1_000;

    /// <summary>For everything else that is normalised (user agents, error messages, object keys).</summary>
    public const int TextBytes = 8_192;

    /// <summary>True when <see cref="Clean"/> would change the value.</summary>
    public static bool NeedsCleaning(string? value, int maxBytes)
    {
        if (value is null) return false;
        // Encoding.UTF8 counts a lone surrogate as the 3 bytes of U+FFFD, as Clean writes it.
        if (value.Length * 3 > maxBytes && Encoding.UTF8.GetByteCount(value) > maxBytes) return true;
        foreach (var c in value)
        {
            if (c == '\0' || char.IsSurrogate(c)) return HasNulOrLoneSurrogate(value);
        }
        return false;
    }

    /// <summary>NUL and lone surrogates become U+FFFD; text over <paramref name="maxBytes"/> of UTF-8 is cut, marked <see cref="TruncationMark"/>.</summary>
    public static string? Clean(string? value, int maxBytes = TextBytes)
    {
        if (value is null || !NeedsCleaning(value, maxBytes)) return value;
        var clean = ReplaceInvalid(value);
        if (Encoding.UTF8.GetByteCount(clean) <= maxBytes) return clean;
        var budget = maxBytes - Encoding.UTF8.GetByteCount(TruncationMark);
        var length = 0;
        var bytes = 0;
        while (length < clean.Length)
        {
            var width = char.IsHighSurrogate(clean[length]) && length + 1 < clean.Length ? 2 : 1;
            var size = Encoding.UTF8.GetByteCount(clean.AsSpan(length, width));
            if (bytes + size > budget) break;
            bytes += size;
            length += width;
        }
        return string.Concat(clean.AsSpan(0, length), TruncationMark);
    }

    private static bool HasNulOrLoneSurrogate(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\0') return true;
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])) { i++; continue; }
            if (char.IsSurrogate(c)) return true;
        }
        return false;
    }

    private static string ReplaceInvalid(string value)
    {
        if (!HasNulOrLoneSurrogate(value)) return value;
        var chars = value.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            var c = chars[i];
            if (char.IsHighSurrogate(c) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1])) { i++; continue; }
            if (c == '\0' || char.IsSurrogate(c)) chars[i] = Replacement;
        }
        return new string(chars);
    }
}
