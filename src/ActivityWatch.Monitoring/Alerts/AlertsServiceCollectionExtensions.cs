using ActivityWatch.Monitoring.Alerts.Lifecycle;
using ActivityWatch.Monitoring.Alerts.Live;
using ActivityWatch.Monitoring.Alerts.Raising;
using ActivityWatch.Monitoring.Alerts.Replay;
using ActivityWatch.Monitoring.Alerts.Suppressions;
using ActivityWatch.Monitoring.Detections;
using ActivityWatch.Monitoring.Detections.Library;
using ActivityWatch.Monitoring.Posture;
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
        services.AddSingleton<AlertEventLog>();
        services.AddSingleton<SuppressionRules>();
        services.AddSingleton<RuleReplayer>();
        services.AddSingleton<RuleLibrary>();
        services.AddSingleton<PostureQueries>();
        // The rule library's events (imported Sigma rules, rules switched on and off) are read by every node.
        services.ConfigureMarten(options =>
        {
            options.Events.AddEventType<SigmaRuleImported>();
            options.Events.AddEventType<RuleEnabled>();
            options.Events.AddEventType<RuleDisabled>();
        });
        return services;
    }
}
