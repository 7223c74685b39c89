using ActivityWatch.Monitoring.Permissions.Actions;
using ActivityWatch.Monitoring.Permissions.Granted;
using ActivityWatch.Monitoring.Permissions.Hygiene;
using ActivityWatch.Monitoring.Permissions.LastUsed;
using Marten;
using Marten.Events.Projections;

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

    /// <summary>The last-used projection, run inside the shared activity views composite (see MonitoringProjections).</summary>
    public static void RegisterProjection(CompositeProjection views, string schema)
    {
        // The built-in mapping only (not the configured catalogue): the projection's output must not
        // depend on a node's configuration, or a rebuild on another node would count differently.
        views.Add(new PermissionUseProjection(schema, ActionMapper.Default), async =>
        {
            foreach (var table in new[] { PermissionUseTables.Use, PermissionUseTables.Daily, PermissionUseTables.Resources, PermissionUseTables.Credentials })
                async.DeleteDataInTableOnTeardown($"{schema}.{table}");
        });
    }
}
