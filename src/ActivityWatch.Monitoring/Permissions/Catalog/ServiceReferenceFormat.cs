using System.Text.Json;

namespace ActivityWatch.Monitoring.Permissions.Catalog;

/// <summary>
/// AWS's service reference JSON. The access level is not a field: it follows from the action's
/// annotation flags, Permissions management first, then Tagging, Write, List, else Read.
/// </summary>
public static class ServiceReferenceFormat
{
    public static IEnumerable<ActionInfo> Read(JsonElement service)
    {
        var prefix = service.GetProperty("Name").GetString()!.ToLowerInvariant();
        foreach (var action in service.GetProperty("Actions").EnumerateArray())
        {
            var name = action.GetProperty("Name").GetString()!;
            if (!action.TryGetProperty("Annotations", out var annotations) || !annotations.TryGetProperty("Properties", out var properties))
            {
                yield return new ActionInfo($"{prefix}:{name}", VerbHeuristics.Classify(name), Heuristic: true);
                continue;
            }
            var level = Flag(properties, "IsPermissionManagement") ? AccessLevel.PermissionsManagement
                : Flag(properties, "IsTaggingOnly") ? AccessLevel.Tagging
                : Flag(properties, "IsWrite") ? AccessLevel.Write
                : Flag(properties, "IsList") ? AccessLevel.List
                : AccessLevel.Read;
            yield return new ActionInfo($"{prefix}:{name}", level, Heuristic: false);
        }
    }

    private static bool Flag(JsonElement properties, string name) =>
        properties.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;
}
