using Microsoft.Extensions.Options;

namespace ActivityWatch.Monitoring.Permissions.Catalog;

/// <summary>The catalogue in use: the configured file over the built-in table, loaded once.</summary>
public sealed class CatalogProvider(IOptions<PermissionsOptions> options)
{
    private readonly Lazy<ActionCatalog> _catalog = new(() => Load(options.Value.CatalogPath));

    public ActionCatalog Catalog => _catalog.Value;

    public static ActionCatalog Load(string? path) =>
        string.IsNullOrWhiteSpace(path) ? BuiltInCatalog.Create() : BuiltInCatalog.Create().With(CatalogFileLoader.Load(path));
}
