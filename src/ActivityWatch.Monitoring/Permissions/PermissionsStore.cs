using ActivityWatch.Monitoring.Permissions.Actions;
using ActivityWatch.Monitoring.Permissions.Granted;
using ActivityWatch.Monitoring.Permissions.LastUsed;
using JasperFx.Events.Projections;
using Marten;

namespace ActivityWatch.Monitoring.Permissions;

/// <summary>What the permissions feature keeps in PostgreSQL: its tables, its event, its Async projection.</summary>
public static class PermissionsStore
{
    public static void Register(StoreOptions options)
    {
        var schema = options.Events.DatabaseSchemaName;
        foreach (var table in PermissionUseTables.Define(schema)) options.Storage.ExtendedSchemaObjects.Add(table);
        options.Events.AddEventType<IamAuthorizationImported>();

        // The built-in mapping only (not the configured catalogue): the projection's output must not
        // depend on a node's configuration, or a rebuild on another node would count differently.
        options.Projections.Add(new PermissionUseProjection(schema, ActionMapper.Default), ProjectionLifecycle.Async,
            PermissionUseProjection.Name, async =>
            {
                // Bigger pages: fewer, larger upserts. The page is folded in memory first.
                async.BatchSize = 5_000;
                foreach (var table in new[] { PermissionUseTables.Use, PermissionUseTables.Daily, PermissionUseTables.Resources, PermissionUseTables.Credentials })
                    async.DeleteDataInTableOnTeardown($"{schema}.{table}");
            });
    }
}
