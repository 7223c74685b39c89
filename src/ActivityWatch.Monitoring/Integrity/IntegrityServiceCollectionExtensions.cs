using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace ActivityWatch.Monitoring.Integrity;

public static class IntegrityServiceCollectionExtensions
{
    /// <summary>CloudTrail log file integrity: the facts the write path stores, the verifier's tables, the verifier and its status.</summary>
    public static IServiceCollection AddActivityWatchIntegrity(this IServiceCollection services)
    {
        services.AddOptions<IntegrityOptions>().BindConfiguration(IntegrityOptions.Section);
        services.AddSingleton<IntegrityVerifier>();
        services.AddSingleton<IntegrityStatusQueries>();
        // Runs after the store's own configuration, so the schema name is already set.
        services.ConfigureMarten(options =>
        {
            options.Schema.For<LogFileRead>().Identity(l => l.Id);
            options.Schema.For<DigestRead>().Identity(d => d.Id);
            foreach (var table in IntegrityTables.Define(options.DatabaseSchemaName)) options.Storage.ExtendedSchemaObjects.Add(table);
        });
        return services;
    }
}
