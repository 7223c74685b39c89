using ActivityWatch.Ingestion.Aws;
using ActivityWatch.Ingestion.Pipeline;
using ActivityWatch.Monitoring.Integrity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ActivityWatch.Ingestion;

public static class IngestionServiceCollectionExtensions
{
    public static IServiceCollection AddActivityWatchIngestion(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<IngestionOptions>().BindConfiguration(IngestionOptions.Section);
        services.AddSingleton<IngestionPipeline>();
        services.AddActivityWatchIntegrity();
        services.AddActivityWatchAwsSources();
        return services;
    }
}
