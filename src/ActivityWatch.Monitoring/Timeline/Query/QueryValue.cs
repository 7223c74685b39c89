using System.Text;

namespace ActivityWatch.Monitoring.Timeline.Query;

/// <summary>A term's value read into either an exact string or a LIKE pattern (escaped with backslash, PostgreSQL's default).</summary>
internal readonly record struct QueryValue(string Exact, string Pattern, bool HasWildcard)
{
    public bool IsAnything => HasWildcard && Pattern.Trim('%').Length == 0 && Pattern.Length > 0;

    public static QueryValue Read(string value)
    {
        var exact = new StringBuilder(value.Length);
        var pattern = new StringBuilder(value.Length + 4);
        var wildcard = false;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\\' && i + 1 < value.Length)
            {
                AppendLiteral(exact, pattern, value[++i]);
                continue;
            }
            if (c is '*' or '?')
            {
                wildcard = true;
                pattern.Append(c == '*' ? '%' : '_');
                exact.Append(c);
                continue;
            }
            AppendLiteral(exact, pattern, c);
        }
        return new QueryValue(exact.ToString(), pattern.ToString(), wildcard);
    }

    /// <summary>The pattern for "contains this value" unless the analyst placed wildcards.</summary>
    public string ContainsPattern => HasWildcard ? Pattern : "%" + Pattern + "%";

    private static void AppendLiteral(StringBuilder exact, StringBuilder pattern, char c)
    {
        exact.Append(c);
        if (c is '%' or '_' or '\\') pattern.Append('\\');
        pattern.Append(c);
    }
}
