using System.Text.Json;
using System.Text.RegularExpressions;

namespace ActivityWatch.Monitoring.Detections.Sigma;

/// <summary>
/// Sigma's condition language: identifiers, and / or / not with parentheses (not binds tighter than
/// and, and tighter than or), "1 of PATTERN", "all of PATTERN", "1 of them", "all of them" (them: every
/// identifier not starting with an underscore). Aggregations ("| count() ...") and "near" are refused.
/// </summary>
public static partial class SigmaCondition
{
    private const int MaxDepth = 64;

    public static Func<JsonElement, bool> Parse(string file, string condition, IReadOnlyDictionary<string, SigmaSelection> selections)
    {
        if (condition.Contains('|')) throw new SigmaRuleException(file, "condition", $"aggregation ('{condition}') is not supported");
        var tokens = Token().Matches(condition).Select(m => m.Value).ToList();
        var position = 0;
        var result = Or(0);
        if (position != tokens.Count) throw new SigmaRuleException(file, "condition", $"unexpected '{tokens[position]}' in '{condition}'");
        return result;

        string? Peek() => position < tokens.Count ? tokens[position] : null;
        bool Is(string? token, string word) => string.Equals(token, word, StringComparison.OrdinalIgnoreCase);

        Func<JsonElement, bool> Or(int depth)
        {
            var left = And(depth);
            while (Is(Peek(), "or"))
            {
                position++;
                var (l, r) = (left, And(depth));
                left = e => l(e) || r(e);
            }
            return left;
        }

        Func<JsonElement, bool> And(int depth)
        {
            var left = Not(depth);
            while (Is(Peek(), "and"))
            {
                position++;
                var (l, r) = (left, Not(depth));
                left = e => l(e) && r(e);
            }
            return left;
        }

        Func<JsonElement, bool> Not(int depth)
        {
            if (depth > MaxDepth) throw new SigmaRuleException(file, "condition", "nests too deep");
            if (!Is(Peek(), "not")) return Primary(depth);
            position++;
            var inner = Not(depth + 1);
            return e => !inner(e);
        }

        Func<JsonElement, bool> Primary(int depth)
        {
            var token = Peek() ?? throw new SigmaRuleException(file, "condition", $"'{condition}' ends too early");
            position++;
            if (token == "(")
            {
                var inner = Or(depth + 1);
                if (Peek() != ")") throw new SigmaRuleException(file, "condition", $"a parenthesis is not closed in '{condition}'");
                position++;
                return inner;
            }
            if (Is(token, "near")) throw new SigmaRuleException(file, "condition", "near is not supported");
            if (token is "1" || Is(token, "all") || Is(token, "any"))
            {
                if (!Is(Peek(), "of")) throw new SigmaRuleException(file, "condition", $"'{token}' must be followed by 'of'");
                position++;
                var target = Peek() ?? throw new SigmaRuleException(file, "condition", $"'{token} of' needs a pattern or 'them'");
                position++;
                var chosen = Is(target, "them")
                    ? selections.Where(s => !s.Key.StartsWith('_')).Select(s => s.Value).ToList()
                    : selections.Where(s => Glob(target).IsMatch(s.Key)).Select(s => s.Value).ToList();
                if (chosen.Count == 0) throw new SigmaRuleException(file, "condition", $"'{token} of {target}' names no search identifier");
                return Is(token, "all") ? e => chosen.All(s => s.Matches(e)) : e => chosen.Any(s => s.Matches(e));
            }
            if (token is ")" || Is(token, "and") || Is(token, "or") || Is(token, "of") || Is(token, "them"))
                throw new SigmaRuleException(file, "condition", $"unexpected '{token}' in '{condition}'");
            if (!selections.TryGetValue(token, out var selection))
                throw new SigmaRuleException(file, "condition", $"'{token}' is not a search identifier of the detection");
            return selection.Matches;
        }
    }

    private static Regex Glob(string pattern) =>
        new("^" + Regex.Escape(pattern).Replace("\\*", ".*").Replace("\\?", ".") + "$", RegexOptions.CultureInvariant);

    [GeneratedRegex(@"\(|\)|[^\s()]+", RegexOptions.CultureInvariant)]
    private static partial Regex Token();
}
