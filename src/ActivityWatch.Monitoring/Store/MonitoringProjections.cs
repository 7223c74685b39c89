using ActivityWatch.Monitoring.LivePath;
using ActivityWatch.Monitoring.Permissions;
using Marten;

namespace ActivityWatch.Monitoring.Store;

/// <summary>
/// What the live path keeps besides its views' own documents. The live path itself, every member
/// that runs on each stored record, is one list: ActivityWatch.Hosting's LivePath.
/// </summary>
public static class MonitoringProjections
{
    /// <summary>The composite projection every stored record goes through (see LivePath).</summary>
    public const string ActivityViews = "ActivityViews";

    public static void Register(StoreOptions options)
    {
        PermissionsStore.Register(options);
        options.Schema.For<ProjectionFailure>().Identity(f => f.Id).Index(f => f.EventId);
    }
}
