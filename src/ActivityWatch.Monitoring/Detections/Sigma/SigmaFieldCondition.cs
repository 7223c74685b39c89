using System.Text.Json;

namespace ActivityWatch.Monitoring.Detections.Sigma;

/// <summary>
/// One "field|modifiers: value(s)" entry of a selection. A list of values is OR, or AND with the
/// all modifier; null matches an absent or null field; exists tests presence; fieldref compares
/// with another field of the same record.
/// </summary>
public sealed class SigmaFieldCondition
{
    public static readonly IReadOnlySet<string> Supported = new HashSet<string>(StringComparer.Ordinal)
    {
        "contains", "startswith", "endswith", "all", "re", "i", "m", "s", "cidr", "cased", "exists", "fieldref", "gt", "gte", "lt", "lte",
    };

    private readonly string[] _path;
    private readonly Func<JsonElement, List<string>, bool, bool> _test;

    private SigmaFieldCondition(string[] path, Func<JsonElement, List<string>, bool, bool> test)
    {
        _path = path;
        _test = test;
    }

    public bool Matches(JsonElement record)
    {
        var values = SigmaFieldValues.Of(record, _path, out var present);
        return _test(record, values, present);
    }

    /// <param name="values">The YAML values: strings, or null for a YAML null.</param>
    public static SigmaFieldCondition Create(string file, string key, IReadOnlyList<string?> values)
    {
        var parts = key.Split('|');
        var field = parts[0];
        if (field.Length == 0) throw new SigmaRuleException(file, key, "a field name is required (keyword searches are not supported)");
        var modifiers = parts.Skip(1).ToHashSet(StringComparer.Ordinal);
        foreach (var modifier in modifiers)
            if (!Supported.Contains(modifier)) throw new SigmaRuleException(file, $"{key}", $"the value modifier '{modifier}' is not supported");
        if (values.Count == 0) throw new SigmaRuleException(file, key, "an empty list of values matches nothing");
        var path = field.Split('.');
        var all = modifiers.Contains("all");

        if (modifiers.Contains("exists"))
        {
            if (values.Count != 1 || values[0] is not ("true" or "false" or "True" or "False")) throw new SigmaRuleException(file, key, "exists takes true or false");
            var wanted = values[0]!.Equals("true", StringComparison.OrdinalIgnoreCase);
            return new SigmaFieldCondition(path, (_, _, present) => present == wanted);
        }
        if (values.Any(v => v is null))
        {
            if (modifiers.Count > 0 || values.Count > 1) throw new SigmaRuleException(file, key, "null only stands alone, without modifiers");
            return new SigmaFieldCondition(path, (_, _, present) => !present);
        }
        if (modifiers.Contains("fieldref"))
        {
            if (modifiers.Overlaps(["re", "cidr", "gt", "gte", "lt", "lte", "exists"])) throw new SigmaRuleException(file, key, "fieldref combines only with contains, startswith, endswith, cased and all");
            var others = values.Select(v => v!.Split('.')).ToList();
            var comparison = modifiers.Contains("cased") ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
            bool Compare(string mine, string theirs) =>
                modifiers.Contains("contains") ? mine.Contains(theirs, comparison)
                : modifiers.Contains("startswith") ? mine.StartsWith(theirs, comparison)
                : modifiers.Contains("endswith") ? mine.EndsWith(theirs, comparison)
                : string.Equals(mine, theirs, comparison);
            bool One(JsonElement record, List<string> mine, string[] other) =>
                SigmaFieldValues.Of(record, other, out _).Any(theirs => mine.Any(m => Compare(m, theirs)));
            return new SigmaFieldCondition(path, (record, mine, _) => all ? others.All(o => One(record, mine, o)) : others.Any(o => One(record, mine, o)));
        }
        if (modifiers.Contains("re") && modifiers.Overlaps(["contains", "startswith", "endswith", "cidr"])) throw new SigmaRuleException(file, key, "re does not combine with contains, startswith, endswith or cidr");
        if (!modifiers.Contains("re") && modifiers.Overlaps(["i", "m", "s"])) throw new SigmaRuleException(file, key, "i, m and s are flags of re");

        var matchers = values.Select(v => SigmaValueMatcher.Create(file, key, v!, modifiers)).ToList();
        return new SigmaFieldCondition(path, (_, mine, _) => all
            ? matchers.All(m => mine.Any(m.Matches))
            : mine.Any(v => matchers.Any(m => m.Matches(v))));
    }
}
