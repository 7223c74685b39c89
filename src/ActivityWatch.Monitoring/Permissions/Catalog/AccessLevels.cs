namespace ActivityWatch.Monitoring.Permissions.Catalog;

public static class AccessLevels
{
    /// <summary>The catalogue files' spelling: "List", "Read", "Write", "Permissions management", "Tagging".</summary>
    public static AccessLevel? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "list" => AccessLevel.List,
        "read" => AccessLevel.Read,
        "write" => AccessLevel.Write,
        "tagging" => AccessLevel.Tagging,
        "permissions management" or "permissions-management" or "permissionsmanagement" => AccessLevel.PermissionsManagement,
        _ => null,
    };

    public static string Name(AccessLevel level) => level switch
    {
        AccessLevel.PermissionsManagement => "Permissions management",
        _ => level.ToString(),
    };
}
