using ActivityWatch.Detection.Features;
using ActivityWatch.Detection.Feedback;
using ActivityWatch.Detection.Live;
using ActivityWatch.Detection.Model;
using ActivityWatch.Detection.Profiles;
using ActivityWatch.Detection.Scoring;
using ActivityWatch.Monitoring.Alerts.Lifecycle;
using ActivityWatch.Monitoring.Alerts.Raising;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ActivityWatch.Detection;

public static class DetectionServiceCollectionExtensions
{
    /// <summary>The anomaly scorer (run on the live path, see ActivityWatch.Hosting's LivePath), its documents, the model provider and feedback.</summary>
    public static IServiceCollection AddActivityWatchDetection(this IServiceCollection services, IConfiguration configuration)
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
        // Registered by the alerts module too; here as well so scoring works wherever Detection is added.
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
