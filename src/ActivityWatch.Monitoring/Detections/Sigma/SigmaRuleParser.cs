using System.Text.Json;
using ActivityWatch.Monitoring.Alerts;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ActivityWatch.Monitoring.Detections.Sigma;

/// <summary>
/// Reads a Sigma rule in the shape SigmaHQ publishes under rules/cloud/aws/cloudtrail (logsource
/// product aws, service cloudtrail) and compiles its detection. Anything it cannot run exactly
/// (keyword searches, aggregations, unknown modifiers, other log sources, rule collections) is
/// refused with a <see cref="SigmaRuleException"/> naming the file and the construct.
/// </summary>
public static class SigmaRuleParser
{
    public const int MaxFileBytes = 256 * 1024;
    private const int MaxValues = 10_000;

    public static SigmaRuleDefinition Parse(string file, string yaml)
    {
        if (yaml.Length > MaxFileBytes) throw new SigmaRuleException(file, "file", $"larger than {MaxFileBytes} bytes");
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new SigmaRuleException(file, "YAML", $"not valid YAML ({e.Message})");
        }
        if (stream.Documents.Count != 1) throw new SigmaRuleException(file, "YAML documents", "a rule collection (several documents) is not supported; one rule per file");
        if (stream.Documents[0].RootNode is not YamlMappingNode root) throw new SigmaRuleException(file, "rule", "the rule is not a YAML map");

        if (Text(root, "correlation") is not null || root.Children.ContainsKey(new YamlScalarNode("correlation")))
            throw new SigmaRuleException(file, "correlation", "correlation rules are not supported");
        var title = Text(root, "title") ?? throw new SigmaRuleException(file, "title", "a rule needs a title");
        var status = Text(root, "status");
        if (status is "unsupported") throw new SigmaRuleException(file, "status", "status unsupported marks a rule no backend can run");
        CheckLogSource(file, root);

        var detection = Child(root, "detection") as YamlMappingNode ?? throw new SigmaRuleException(file, "detection", "a rule needs a detection map");
        if (Child(detection, "timeframe") is not null) throw new SigmaRuleException(file, "detection.timeframe", "timeframes (aggregations over time) are not supported");
        var conditionNode = Child(detection, "condition") ?? throw new SigmaRuleException(file, "detection.condition", "a detection needs a condition");
        if (conditionNode is not YamlScalarNode { Value: { Length: > 0 } condition })
            throw new SigmaRuleException(file, "detection.condition", "a list of conditions is not supported; join them with 'or'");

        var budget = MaxValues;
        var selections = new Dictionary<string, SigmaSelection>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in detection.Children)
        {
            var name = ((YamlScalarNode)keyNode).Value ?? "";
            if (name is "condition") continue;
            selections[name] = Selection(file, $"detection.{name}", value, ref budget);
        }
        if (selections.Count == 0) throw new SigmaRuleException(file, "detection", "no search identifiers");
        var predicate = SigmaCondition.Parse(file, condition, selections);

        var tags = Strings(Child(root, "tags"));
        return new SigmaRuleDefinition
        {
            File = file,
            SigmaId = Text(root, "id"),
            Title = title,
            Description = Text(root, "description"),
            Status = status,
            Severity = SeverityOf(file, Text(root, "level")),
            Techniques = tags.Where(t => t.StartsWith("attack.t", StringComparison.OrdinalIgnoreCase) && t.Length > 8 && char.IsAsciiDigit(t[8]))
                .Select(t => t["attack.".Length..].ToUpperInvariant()).Distinct().ToList(),
            Tactics = tags.Where(t => t.StartsWith("attack.", StringComparison.OrdinalIgnoreCase) && !(t.Length > 8 && char.IsAsciiDigit(t[8])) && !t.StartsWith("attack.g", StringComparison.OrdinalIgnoreCase) && !t.StartsWith("attack.s0", StringComparison.OrdinalIgnoreCase))
                .Select(t => t["attack.".Length..].ToLowerInvariant().Replace('_', '-'))
                .Where(t => AttackTechniques.TacticOrder.Contains(t)).Distinct().ToList(),
            FalsePositives = Strings(Child(root, "falsepositives")),
            Predicate = predicate,
        };
    }

    private static void CheckLogSource(string file, YamlMappingNode root)
    {
        if (Child(root, "logsource") is not YamlMappingNode logsource) throw new SigmaRuleException(file, "logsource", "a rule needs a logsource");
        var product = Text(logsource, "product");
        var service = Text(logsource, "service");
        if (!string.Equals(product, "aws", StringComparison.OrdinalIgnoreCase) || !string.Equals(service, "cloudtrail", StringComparison.OrdinalIgnoreCase))
            throw new SigmaRuleException(file, "logsource", $"only product aws / service cloudtrail is supported (got {product ?? "none"} / {service ?? "none"})");
        if (Text(logsource, "category") is { } category) throw new SigmaRuleException(file, "logsource.category", $"category '{category}' is not part of the CloudTrail log source");
    }

    private static SigmaSelection Selection(string file, string construct, YamlNode node, ref int budget)
    {
        switch (node)
        {
            case YamlMappingNode map:
                return new SigmaSelection([Map(file, construct, map, ref budget)]);
            case YamlSequenceNode list when list.Children.All(c => c is YamlMappingNode):
                var alternatives = new List<IReadOnlyList<SigmaFieldCondition>>();
                foreach (var child in list.Children) alternatives.Add(Map(file, construct, (YamlMappingNode)child, ref budget));
                if (alternatives.Count == 0) throw new SigmaRuleException(file, construct, "an empty list matches nothing");
                return new SigmaSelection(alternatives);
            case YamlSequenceNode:
                throw new SigmaRuleException(file, construct, "keyword searches (plain values without a field) are not supported");
            default:
                throw new SigmaRuleException(file, construct, "a search identifier must be a map or a list of maps");
        }
    }

    private static IReadOnlyList<SigmaFieldCondition> Map(string file, string construct, YamlMappingNode map, ref int budget)
    {
        if (map.Children.Count == 0) throw new SigmaRuleException(file, construct, "an empty map");
        var conditions = new List<SigmaFieldCondition>();
        foreach (var (keyNode, value) in map.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? throw new SigmaRuleException(file, construct, "field names must be plain text");
            IReadOnlyList<string?> values = value switch
            {
                YamlScalarNode scalar => [ScalarValue(scalar)],
                YamlSequenceNode list when list.Children.All(c => c is YamlScalarNode) => list.Children.Select(c => ScalarValue((YamlScalarNode)c)).ToList(),
                _ => throw new SigmaRuleException(file, $"{construct}.{key}", "values must be scalars or a list of scalars"),
            };
            budget -= values.Count;
            if (budget < 0) throw new SigmaRuleException(file, construct, $"more than {MaxValues} values");
            conditions.Add(SigmaFieldCondition.Create(file, key, values));
        }
        return conditions;
    }

    /// <summary>YAML null (~, null, or nothing) is null; everything else is its text (numbers and booleans compare as CloudTrail writes them).</summary>
    private static string? ScalarValue(YamlScalarNode scalar) =>
        scalar.Style == ScalarStyle.Plain && (scalar.Value is null or "" or "~" or "null" or "Null" or "NULL") ? null : scalar.Value ?? "";

    private static string SeverityOf(string file, string? level) => level?.ToLowerInvariant() switch
    {
        null or "" or "medium" => Severity.Medium,
        "informational" or "low" => Severity.Low,
        "high" => Severity.High,
        "critical" => Severity.Critical,
        _ => throw new SigmaRuleException(file, "level", $"'{level}' is not a Sigma level"),
    };

    private static YamlNode? Child(YamlMappingNode map, string name) =>
        map.Children.TryGetValue(new YamlScalarNode(name), out var node) ? node : null;

    private static string? Text(YamlMappingNode map, string name) => Child(map, name) is YamlScalarNode { Value: { } value } ? value : null;

    private static List<string> Strings(YamlNode? node) => node switch
    {
        YamlSequenceNode list => list.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? "").Where(s => s.Length > 0).ToList(),
        YamlScalarNode { Value: { Length: > 0 } value } => [value],
        _ => [],
    };
}
