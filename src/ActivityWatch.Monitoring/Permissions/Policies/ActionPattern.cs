namespace ActivityWatch.Monitoring.Permissions.Policies;

/// <summary>
/// IAM's Action/NotAction matching: case-insensitive, "*" any run of characters, "?" exactly
/// one (IAM user guide, "IAM JSON policy elements: Action").
/// </summary>
public static class ActionPattern
{
    public static bool IsWildcard(string pattern) => pattern.AsSpan().IndexOfAny('*', '?') >= 0;

    public static bool Matches(string pattern, string action)
    {
        if (!IsWildcard(pattern)) return string.Equals(pattern, action, StringComparison.OrdinalIgnoreCase);
        return Glob(pattern.AsSpan(), action.AsSpan());
    }

    /// <summary>The service part of a pattern ("s3" for "s3:Get*"), or null when it is wild itself ("*").</summary>
    public static string? ServiceOf(string pattern)
    {
        var colon = pattern.IndexOf(':');
        if (colon < 0) return null;
        var service = pattern[..colon];
        return IsWildcard(service) ? null : service.ToLowerInvariant();
    }

    // Iterative glob with single backtrack point: linear in practice for IAM's short patterns.
    private static bool Glob(ReadOnlySpan<char> pattern, ReadOnlySpan<char> text)
    {
        int p = 0, t = 0, star = -1, mark = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || char.ToLowerInvariant(pattern[p]) == char.ToLowerInvariant(text[t])))
            {
                p++;
                t++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                mark = t;
            }
            else if (star >= 0)
            {
                p = star + 1;
                t = ++mark;
            }
            else return false;
        }
        while (p < pattern.Length && pattern[p] == '*') p++;
        return p == pattern.Length;
    }
}
