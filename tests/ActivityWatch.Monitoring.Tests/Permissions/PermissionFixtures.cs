using System.Runtime.CompilerServices;
using System.Text.Json;
using ActivityWatch.Monitoring.Permissions.Catalog;
using ActivityWatch.Monitoring.Permissions.Granted;

namespace ActivityWatch.Monitoring.Tests.Permissions;

/// <summary>The fixture files beside these tests, found from this source file's location.</summary>
public static class PermissionFixtures
{
    public const string Account = "123456789012";

    public static string Path(string name, [CallerFilePath] string here = "") =>
        System.IO.Path.Combine(System.IO.Path.GetDirectoryName(here)!, "Fixtures", name);

    public static IamSnapshot AuthorizationDetails()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path("authorization-details.json")));
        return AuthorizationDetailsParser.Parse(document.RootElement);
    }

    /// <summary>The built-in catalogue with the small iam-definition fixture over it.</summary>
    public static ActionCatalog Catalog() => CatalogProvider.Load(Path("iam-definition.json"));
}
