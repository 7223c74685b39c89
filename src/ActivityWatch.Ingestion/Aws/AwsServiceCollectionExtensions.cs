using ActivityWatch.Ingestion.Aws.S3;
using ActivityWatch.Ingestion.Aws.Sqs;
using ActivityWatch.Ingestion.Aws.Status;
using ActivityWatch.Ingestion.Aws.Store;
using ActivityWatch.Ingestion.Aws.Watching;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace ActivityWatch.Ingestion.Aws;

public static class AwsServiceCollectionExtensions
{
    /// <summary>The S3 and SQS sources, `watch` and `status`, and the tables they keep.</summary>
    public static IServiceCollection AddActivityWatchAwsSources(this IServiceCollection services)
    {
        services.AddOptions<AwsOptions>().BindConfiguration(AwsOptions.Section);
        services.AddOptions<SourcesOptions>().BindConfiguration(SourcesOptions.Section);
        services.AddSingleton<AwsClients>();
        services.AddSingleton<SourceLedger>();
        services.AddSingleton<S3PrefixSource>();
        services.AddSingleton<S3ObjectIngestor>();
        services.AddSingleton<S3PrefixPoller>();
        services.AddSingleton<QueueConsumer>();
        services.AddSingleton<SourceWatcher>();
        services.AddSingleton<SourceStatusQueries>();
        // Runs after the store's own configuration, so the schema name is already set.
        services.ConfigureMarten(options =>
        {
            foreach (var table in SourceTables.Define(options.DatabaseSchemaName)) options.Storage.ExtendedSchemaObjects.Add(table);
        });
        return services;
    }
}
