namespace ActivityWatch.Monitoring.Permissions.Catalog;

/// <summary>
/// IAM's access levels (Service Authorization Reference, "Access level" column), ranked by
/// how much an unused grant of that level matters: unused Permissions management and Write
/// come before unused Tagging, Read and List.
/// </summary>
public enum AccessLevel
{
    List = 0,
    Read = 1,
    Tagging = 2,
    Write = 3,
    PermissionsManagement = 4,
}
