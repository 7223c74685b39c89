using ActivityWatch.Anomalies.Features;
using ActivityWatch.Anomalies.Feedback;
using ActivityWatch.Anomalies.Live;
using ActivityWatch.Anomalies.Model;
using ActivityWatch.Anomalies.Profiles;
using ActivityWatch.Anomalies.Scoring;
using ActivityWatch.Monitoring.Alerts.Lifecycle;
using ActivityWatch.Monitoring.Alerts.Raising;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ActivityWatch.Anomalies;

public static class AnomaliesServiceCollectionExtensions
{
    /// <summary>The anomaly scorer (run on the live path, see ActivityWatch.Hosting's LivePath), its documents, the model provider and feedback.</summary>
    public static IServiceCollection AddActivityWatchAnomalies(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AnomalyOptions>().BindConfiguration(AnomalyOptions.Section);
        services.AddSingleton<ModelProvider>();
        // Reference lists, read once from the configured files (never downloaded).
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<AnomalyOptions>>().Value;
            return NetworkKinds.Load(options.AwsIpRangesPath, options.HostingRangesPath);
        });
        services.AddSingleton<AnomalyScoring>();
        services.AddSingleton<AnomalyFeedbackService>();
        // Registered by the alerts module too; here as well so scoring works wherever Anomalies is added.
        services.TryAddSingleton<AlertRaiser>();
        services.TryAddSingleton<AlertLifecycle>();
        // The scorer joins the live path in ActivityWatch.Hosting's LivePath, when Anomaly:Enabled.
        services.ConfigureMarten(options =>
        {
            options.Schema.For<PrincipalProfile>().Identity(p => p.Id);
            options.Schema.For<AnomalyFeedback>().Identity(f => f.Id);
            options.Schema.For<AnomalyAlertEvidence>().Identity(e => e.Id);
        });
        return services;
    }
}
