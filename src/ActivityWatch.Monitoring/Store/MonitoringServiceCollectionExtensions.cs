using ActivityWatch.Monitoring.Checkpoints;
using ActivityWatch.Monitoring.Permissions.Catalog;
using ActivityWatch.Monitoring.Recording;
using ActivityWatch.Monitoring.Timeline;
using ActivityWatch.Monitoring.Timeline.Principals;
using JasperFx.Events.Daemon;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ActivityWatch.Monitoring.Store;

public static class MonitoringServiceCollectionExtensions
{
    /// <summary>Marten, the async daemon in the configured role, and the monitoring services.</summary>
    /// <returns>Marten's registration, for modules that add subscriptions built by the container (Delivery).</returns>
    public static MartenServiceCollectionExtensions.MartenConfigurationExpression AddActivityWatchMonitoring(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PostgresOptions>().BindConfiguration(PostgresOptions.Section);
        services.AddOptions<ProjectionOptions>().BindConfiguration(ProjectionOptions.Section);
        services.AddSingleton(TimeProvider.System);

        // One pool for Marten and for ActivityWatch's own SQL (timeline index, reports).
        services.AddSingleton(sp => NpgsqlDataSource.Create(ConnectionString(sp.GetRequiredService<IOptions<PostgresOptions>>().Value)));

        var projections = configuration.GetSection(ProjectionOptions.Section).Get<ProjectionOptions>() ?? new ProjectionOptions();
        var marten = services
            .AddMarten(sp =>
            {
                var options = new StoreOptions();
                StoreConfiguration.Configure(options, sp.GetRequiredService<IOptions<PostgresOptions>>().Value, sp.GetRequiredService<NpgsqlDataSource>());
                return options;
            })
            .ApplyAllDatabaseChangesOnStartup()
            // Before the daemon starts: a store from before the ActivityViews composite is carried over to it.
            .InitializeWith<ActivityViewsUpgrade>()
            .InitializeWith<EventBodyCompression>();

        if (projections.Daemon != DaemonRole.Disabled)
        {
            marten.AddAsyncDaemon(projections.Daemon == DaemonRole.Solo ? DaemonMode.Solo : DaemonMode.HotCold);
        }
        else
        {
            // A query-only process: another node runs the daemon. Saying so stops Marten printing
            // "the async daemon is disabled" to stdout, which would corrupt --format json output.
            services.ConfigureMarten(options => options.Projections.AsyncMode = DaemonMode.ExternallyManaged);
        }

        services.AddSingleton<ActivityRecorder>();
        services.AddSingleton<PlannerStatistics>();
        services.AddSingleton<TimelineQueries>();
        // Principals as the timeline sees them; access levels come from the permissions module's catalogue.
        services.AddSingleton(sp => new AccessLevelNames(sp.GetRequiredService<CatalogProvider>().Catalog));
        services.AddSingleton<PrincipalQueries>();
        services.AddSingleton<IngestionQueries>();
        services.AddSingleton<CatchUp>();
        services.AddSingleton<LivePath.ViewVerifier>();
        services.AddSingleton<LivePath.LivePathQueries>();
        services.AddSingleton<LivePath.ViewSnapshots>();
        return marten;
    }

    private static string ConnectionString(PostgresOptions postgres) =>
        string.IsNullOrWhiteSpace(postgres.ConnectionString)
            ? throw new InvalidOperationException(
                "No PostgreSQL connection string: set ActivityWatch__Postgres__ConnectionString, " +
                "or run scripts/postgres.sh start and use the string it prints.")
            : postgres.ConnectionString;
}
