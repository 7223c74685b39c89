namespace ActivityWatch.Monitoring.Permissions.Catalog;

/// <summary>
/// The built-in catalogue: access levels for the common services' everyday actions, copied from
/// the Service Authorization Reference. It is deliberately partial: wildcards expand only to
/// these actions unless a full catalogue is loaded (--catalog, ActivityWatch:Permissions:CatalogPath).
/// </summary>
public static class BuiltInCatalog
{
    public static ActionCatalog Create() => new("built-in", Parse(BuiltInCatalogData.Table));

    /// <summary>Lines "service | Level: A B C | Level: D ...".</summary>
    internal static IEnumerable<ActionInfo> Parse(string table)
    {
        foreach (var line in table.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split('|', StringSplitOptions.TrimEntries);
            var service = parts[0];
            foreach (var group in parts.Skip(1))
            {
                var colon = group.IndexOf(':');
                var level = AccessLevels.Parse(group[..colon]) ?? throw new FormatException($"Unknown access level in '{group}'");
                foreach (var name in group[(colon + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    yield return new ActionInfo($"{service}:{name}", level, Heuristic: false);
            }
        }
    }
}
