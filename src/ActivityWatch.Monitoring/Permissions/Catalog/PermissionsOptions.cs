namespace ActivityWatch.Monitoring.Permissions.Catalog;

/// <summary>Configuration section "ActivityWatch:Permissions" (env: ActivityWatch__Permissions__*).</summary>
public sealed class PermissionsOptions
{
    public const string Section = "ActivityWatch:Permissions";

    /// <summary>A full action catalogue (iam-definition.json or AWS service reference JSON, file or folder).</summary>
    public string? CatalogPath { get; set; }

    /// <summary>Grants unused for this many days are reported as unused.</summary>
    public int UnusedDays { get; set; } = 90;
}
