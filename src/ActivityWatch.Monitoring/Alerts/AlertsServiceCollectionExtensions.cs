using ActivityWatch.Monitoring.Alerts.Lifecycle;
using ActivityWatch.Monitoring.Alerts.Live;
using ActivityWatch.Monitoring.Alerts.Raising;
using ActivityWatch.Monitoring.Alerts.Replay;
using ActivityWatch.Monitoring.Alerts.Suppressions;
using ActivityWatch.Monitoring.Detections;
using ActivityWatch.Monitoring.Detections.Library;
using ActivityWatch.Monitoring.Posture;
using ActivityWatch.Monitoring.Store;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace ActivityWatch.Monitoring.Alerts;

public static class AlertsServiceCollectionExtensions
{
    /// <summary>Detections, the live alert detection, the alert lifecycle, suppressions, replay and posture reports.</summary>
    public static IServiceCollection AddActivityWatchAlerts(this IServiceCollection services)
    {
        services.AddOptions<DetectionOptions>().BindConfiguration(DetectionOptions.Section);
        services.AddSingleton<AlertRaiser>();
        services.AddSingleton<AlertDetection>();
        services.AddSingleton<AlertLifecycle>();
        services.AddSingleton<AlertQueries>();
        services.AddSingleton<SuppressionRules>();
        services.AddSingleton<RuleReplayer>();
        services.AddSingleton<RuleLibrary>();
        services.AddSingleton<PostureQueries>();
        // The detection needs services (options, the raiser), so it joins the activity views composite here rather than in StoreConfiguration.
        services.ConfigureMarten((sp, options) =>
        {
            options.Events.AddEventType<SigmaRuleImported>();
            options.Events.AddEventType<RuleEnabled>();
            options.Events.AddEventType<RuleDisabled>();
            options.Projections.CompositeProjectionFor(MonitoringProjections.ActivityViews, views => views.Add(sp.GetRequiredService<AlertDetection>()));
        });
        return services;
    }
}
