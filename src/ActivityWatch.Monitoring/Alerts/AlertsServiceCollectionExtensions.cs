using ActivityWatch.Monitoring.Alerts.Lifecycle;
using ActivityWatch.Monitoring.Alerts.Live;
using ActivityWatch.Monitoring.Alerts.Raising;
using ActivityWatch.Monitoring.Alerts.Replay;
using ActivityWatch.Monitoring.Alerts.Suppressions;
using ActivityWatch.Monitoring.Detections;
using ActivityWatch.Monitoring.Posture;
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
        services.AddSingleton<PostureQueries>();
        return services;
    }
}
