using ActivityWatch.Monitoring.Permissions.Granted;
using ActivityWatch.Monitoring.Permissions.Hygiene;
using ActivityWatch.Monitoring.Permissions.LastUsed;
using Marten;

namespace ActivityWatch.Monitoring.Permissions;

/// <summary>What the permissions feature keeps in PostgreSQL: its tables, its event; its Async projection joins the activity views composite.</summary>
public static class PermissionsStore
{
    public static void Register(StoreOptions options)
    {
        var schema = options.Events.DatabaseSchemaName;
        foreach (var table in PermissionUseTables.Define(schema)) options.Storage.ExtendedSchemaObjects.Add(table);
        options.Events.AddEventType<IamAuthorizationImported>();
        options.Schema.For<HygieneCheck>().Identity(c => c.Id);
    }

    /// <summary>The last-used tables, emptied when the projection is rebuilt.</summary>
    public static readonly string[] UseTables = [PermissionUseTables.Use, PermissionUseTables.Daily, PermissionUseTables.Resources, PermissionUseTables.Credentials];
}
