using ActivityWatch.Anomalies.Live;
using ActivityWatch.Anomalies.Scoring;
using ActivityWatch.Monitoring.Alerts.Live;
using ActivityWatch.Monitoring.Permissions;
using ActivityWatch.Monitoring.Permissions.Actions;
using ActivityWatch.Monitoring.Permissions.LastUsed;
using ActivityWatch.Monitoring.Posture;
using ActivityWatch.Monitoring.Store;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ActivityWatch.Hosting;

/// <summary>
/// The live path: everything that runs on every stored record, in one list. The members share one
/// composite projection (<see cref="MonitoringProjections.ActivityViews"/>) under the async daemon
/// (HotCold: one node at a time), so each page of up to 5,000 records is read and deserialised once
/// and handed to all of them in parallel; their writes commit with the page's progress. Each member
/// keeps a record it cannot process to itself (a ProjectionFailure), so no record pauses the path.
/// </summary>
public static class LivePath
{
    public static IServiceCollection AddActivityWatchLivePath(this IServiceCollection services) =>
        services.ConfigureMarten((sp, options) => options.Projections.CompositeProjectionFor(MonitoringProjections.ActivityViews, views =>
        {
            var time = sp.GetRequiredService<TimeProvider>();
            var schema = options.Events.DatabaseSchemaName;
            views.Options.BatchSize = 5_000;

            // Keeps the composite off JasperFx's single-pass rebuild, which loses in-flight appends.
            views.Add((IProjectionSource<IDocumentOperations, IQuerySession>)new SinglePassRebuildOff());

            // Posture, the views the `report` command and the console read: root usage per account
            // (CIS 5.3), MFA posture per IAM user, the long-term access key inventory.
            views.Add(new RootUsageProjection(time), teardown => teardown.DeleteViewTypeOnTeardown<RootUsage>());
            views.Add(new MfaPostureProjection(time), teardown => teardown.DeleteViewTypeOnTeardown<MfaPosture>());
            views.Add(new AccessKeyInventoryProjection(time), teardown => teardown.DeleteViewTypeOnTeardown<AccessKeyUsage>());

            // Last-used permissions per principal, action, day, resource and credential: least privilege.
            // The built-in action mapping, not a configured catalogue: the view must not depend on a
            // node's configuration, or a rebuild on another node would count differently.
            views.Add(new PermissionUseProjection(schema, ActionMapper.Default, time), teardown =>
            {
                foreach (var table in PermissionsStore.UseTables) teardown.DeleteDataInTableOnTeardown($"{schema}.{table}");
            });

            // The rule catalogue: CIS controls and the attacker playbook, raising alerts.
            views.Add(sp.GetRequiredService<AlertDetection>());

            // The anomaly model: each record against its principal's profile, raising ml.unusual-activity.
            if (sp.GetRequiredService<IOptions<AnomalyOptions>>().Value.Enabled)
                views.Add(sp.GetRequiredService<AnomalyScoring>());
        }));
}
