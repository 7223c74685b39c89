using System.Text;

namespace ActivityWatch.Monitoring.Timeline.Query;

/// <summary>
/// Splits a query into tokens. A word runs to whitespace, a parenthesis or a quote; its first
/// colon separates the field, so ARNs and IPv6 addresses need no quotes
/// (<c>principal:arn:aws:iam::123456789012:user/alice</c>); a bare ARN is a bare value.
/// A backslash escapes the next character (<c>\"</c> inside quotes, <c>\*</c> for a literal
/// star); escapes are kept in the value for the compiler, which reads them.
/// </summary>
internal static class QueryLexer
{
    public static List<QueryToken> Tokenize(string text)
    {
        var tokens = new List<QueryToken>();
        var i = 0;
        while (true)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            if (i >= text.Length)
            {
                tokens.Add(new QueryToken(QueryTokenKind.End, text.Length));
                return tokens;
            }
            var c = text[i];
            if (c == '(') { tokens.Add(new QueryToken(QueryTokenKind.Open, i)); i++; continue; }
            if (c == ')') { tokens.Add(new QueryToken(QueryTokenKind.Close, i)); i++; continue; }
            if (c == '"')
            {
                var start = i;
                var value = ReadQuoted(text, ref i);
                tokens.Add(new QueryToken(QueryTokenKind.Term, start, null, value, start));
                continue;
            }
            tokens.Add(ReadWord(text, ref i));
        }
    }

    private static QueryToken ReadWord(string text, ref int i)
    {
        var start = i;
        while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not ('(' or ')' or '"'))
        {
            i += text[i] == '\\' && i + 1 < text.Length ? 2 : 1;
        }
        var word = text[start..i];
        switch (word.ToUpperInvariant())
        {
            case "AND": return new QueryToken(QueryTokenKind.And, start);
            case "OR": return new QueryToken(QueryTokenKind.Or, start);
            case "NOT": return new QueryToken(QueryTokenKind.Not, start);
        }

        var colon = word.IndexOf(':');
        if (colon <= 0 || !IsFieldName(word.AsSpan(0, colon)) || word.StartsWith("arn:", StringComparison.OrdinalIgnoreCase)) return new QueryToken(QueryTokenKind.Term, start, null, word, start);

        var field = word[..colon];
        var valueStart = start + colon + 1;
        if (colon == word.Length - 1)
        {
            if (i < text.Length && text[i] == '"')
            {
                var quoteStart = i;
                var quoted = ReadQuoted(text, ref i);
                return new QueryToken(QueryTokenKind.Term, start, field, quoted, quoteStart);
            }
            throw new QuerySyntaxException($"expected a value after '{field}:'", valueStart);
        }
        return new QueryToken(QueryTokenKind.Term, start, field, word[(colon + 1)..], valueStart);
    }

    private static string ReadQuoted(string text, ref int i)
    {
        var start = i;
        var value = new StringBuilder();
        i++;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '"') { i++; return value.ToString(); }
            if (c == '\\' && i + 1 < text.Length)
            {
                // Escapes stay as written: the compiler reads them the same way in quoted and bare values.
                value.Append(c).Append(text[i + 1]);
                i += 2;
                continue;
            }
            value.Append(c);
            i++;
        }
        throw new QuerySyntaxException("unterminated quoted value", start);
    }

    private static bool IsFieldName(ReadOnlySpan<char> name)
    {
        if (!char.IsAsciiLetter(name[0])) return false;
        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_') return false;
        }
        return true;
    }
}
