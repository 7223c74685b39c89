using ActivityWatch.Monitoring.Alerts.Lifecycle;
using ActivityWatch.Monitoring.Alerts.Live;
using ActivityWatch.Monitoring.Alerts.Raising;
using ActivityWatch.Monitoring.Alerts.Replay;
using ActivityWatch.Monitoring.Alerts.Suppressions;
using ActivityWatch.Monitoring.Detections;
using ActivityWatch.Monitoring.Posture;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace ActivityWatch.Monitoring.Alerts;

public static class AlertsServiceCollectionExtensions
{
    /// <summary>Detections, the live alert subscription, the alert lifecycle, suppressions, replay and posture reports.</summary>
    public static IServiceCollection AddActivityWatchAlerts(this IServiceCollection services)
    {
        services.AddOptions<DetectionOptions>().BindConfiguration(DetectionOptions.Section);
        services.AddSingleton<AlertRaiser>();
        services.AddSingleton<AlertSubscription>();
        services.AddSingleton<AlertLifecycle>();
        services.AddSingleton<AlertQueries>();
        services.AddSingleton<SuppressionRules>();
        services.AddSingleton<RuleReplayer>();
        services.AddSingleton<PostureQueries>();
        // The subscription needs services (options, the raiser), so it joins the store here rather than in StoreConfiguration.
        services.ConfigureMarten((sp, options) => options.Events.Subscribe(sp.GetRequiredService<AlertSubscription>()));
        return services;
    }
}
