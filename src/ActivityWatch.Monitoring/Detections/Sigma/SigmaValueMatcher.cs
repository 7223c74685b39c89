using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace ActivityWatch.Monitoring.Detections.Sigma;

/// <summary>
/// One Sigma value with its modifiers, compiled once: plain values compare case-insensitively with
/// the wildcards * and ? (backslash escapes them), contains/startswith/endswith wrap the value,
/// cased makes it case-sensitive, re is a .NET regular expression run without backtracking
/// (linear in the input, so a hostile record cannot stall it), cidr an address range, gt/gte/lt/lte numbers.
/// </summary>
public sealed class SigmaValueMatcher
{
    private readonly Func<string, bool> _test;

    private SigmaValueMatcher(Func<string, bool> test) => _test = test;

    public bool Matches(string value) => _test(value);

    public static SigmaValueMatcher Create(string file, string field, string value, IReadOnlySet<string> modifiers)
    {
        if (modifiers.Contains("re"))
        {
            var options = RegexOptions.NonBacktracking | RegexOptions.CultureInvariant;
            if (modifiers.Contains("i")) options |= RegexOptions.IgnoreCase;
            if (modifiers.Contains("m")) options |= RegexOptions.Multiline;
            if (modifiers.Contains("s")) options |= RegexOptions.Singleline;
            try
            {
                var regex = new Regex(value, options, TimeSpan.FromMilliseconds(100));
                return new SigmaValueMatcher(v => regex.IsMatch(v));
            }
            catch (Exception e) when (e is ArgumentException or NotSupportedException)
            {
                throw new SigmaRuleException(file, field, $"the regular expression '{value}' cannot run without backtracking or is invalid ({e.Message})");
            }
        }
        if (modifiers.Contains("cidr"))
        {
            if (!IPNetwork.TryParse(value, out var network)) throw new SigmaRuleException(file, field, $"'{value}' is not a CIDR block");
            return new SigmaValueMatcher(v => IPAddress.TryParse(v, out var address) && network.Contains(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address));
        }
        foreach (var comparison in new[] { "gt", "gte", "lt", "lte" })
        {
            if (!modifiers.Contains(comparison)) continue;
            if (!decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var bound))
                throw new SigmaRuleException(file, field, $"'{value}' is not a number");
            return new SigmaValueMatcher(v => decimal.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && comparison switch
            {
                "gt" => n > bound,
                "gte" => n >= bound,
                "lt" => n < bound,
                _ => n <= bound,
            });
        }

        var pattern = (modifiers.Contains("contains") || modifiers.Contains("endswith") ? "*" : "") + value
                      + (modifiers.Contains("contains") || modifiers.Contains("startswith") ? "*" : "");
        var cased = modifiers.Contains("cased");
        var comparisonType = cased ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        var (regexText, literal) = Translate(pattern);
        if (literal is not null) return new SigmaValueMatcher(v => string.Equals(v, literal, comparisonType));
        var wildcard = new Regex(regexText, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant | RegexOptions.Singleline | (cased ? 0 : RegexOptions.IgnoreCase));
        return new SigmaValueMatcher(v => wildcard.IsMatch(v));
    }

    /// <summary>Sigma wildcards to an anchored regex; the literal itself when the value has none.</summary>
    private static (string Regex, string? Literal) Translate(string pattern)
    {
        var regex = new StringBuilder("^");
        var literal = new StringBuilder();
        var wild = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length && pattern[i + 1] is '*' or '?' or '\\')
            {
                regex.Append(Regex.Escape(pattern[i + 1].ToString()));
                literal.Append(pattern[i + 1]);
                i++;
            }
            else if (c == '*') { regex.Append(".*"); wild = true; }
            else if (c == '?') { regex.Append('.'); wild = true; }
            else { regex.Append(Regex.Escape(c.ToString())); literal.Append(c); }
        }
        return (regex.Append('$').ToString(), wild ? null : literal.ToString());
    }
}
