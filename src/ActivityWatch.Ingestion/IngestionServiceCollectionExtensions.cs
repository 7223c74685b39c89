using ActivityWatch.Ingestion.Aws;
using ActivityWatch.Ingestion.Pipeline;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ActivityWatch.Ingestion;

public static class IngestionServiceCollectionExtensions
{
    public static IServiceCollection AddActivityWatchIngestion(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<IngestionOptions>().BindConfiguration(IngestionOptions.Section);
        services.AddSingleton<IngestionPipeline>();
        services.AddActivityWatchAwsSources();
        return services;
    }
}
