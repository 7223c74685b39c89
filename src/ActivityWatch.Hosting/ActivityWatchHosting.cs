using ActivityWatch.Delivery;
using ActivityWatch.Anomalies;
using ActivityWatch.Ingestion;
using ActivityWatch.Monitoring.Alerts;
using ActivityWatch.Monitoring.Audit;
using ActivityWatch.Monitoring.Permissions;
using ActivityWatch.Monitoring.Store;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ActivityWatch.Hosting;

/// <summary>
/// The composition root shared by the CLI, the API and the tests: configuration from
/// appsettings and ActivityWatch__* environment variables, then every ActivityWatch module.
/// </summary>
public static class ActivityWatchHosting
{
    public static IHostApplicationBuilder AddActivityWatch(this IHostApplicationBuilder builder)
    {
        var marten = builder.Services.AddActivityWatchMonitoring(builder.Configuration);
        builder.Services.AddActivityWatchPermissions(builder.Configuration);
        builder.Services.AddActivityWatchAlerts();
        builder.Services.AddActivityWatchAudit();
        builder.Services.AddActivityWatchIngestion(builder.Configuration);
        // A query-only process (daemon Disabled: most CLI commands) publishes nothing and must not
        // join the consumer queues for its few seconds of life: it gets no bus at all.
        var daemon = builder.Configuration.GetSection(ProjectionOptions.Section).Get<ProjectionOptions>()?.Daemon ?? DaemonRole.HotCold;
        if (daemon != DaemonRole.Disabled) marten.AddActivityWatchDelivery(builder.Configuration);
        builder.Services.AddActivityWatchAnomalies(builder.Configuration);
        builder.Services.AddActivityWatchLivePath();
        return builder;
    }

    /// <summary>A host for one CLI command or test: quiet logs, the daemon in the role asked for.</summary>
    public static HostApplicationBuilder CreateBuilder(DaemonRole daemon, IDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
            DisableDefaults = false,
        });
        var overrides = new Dictionary<string, string?> { [$"{ProjectionOptions.Section}:Daemon"] = daemon.ToString() };
        // A role set in the environment (e.g. Disabled on a query-only node) wins over the command's default.
        if (builder.Configuration[$"{ProjectionOptions.Section}:Daemon"] is { Length: > 0 } configured
            && Enum.TryParse<DaemonRole>(configured, true, out var fromEnvironment) && fromEnvironment == DaemonRole.Disabled)
        {
            overrides[$"{ProjectionOptions.Section}:Daemon"] = fromEnvironment.ToString();
        }
        builder.Configuration.AddInMemoryCollection(overrides);
        if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
        // Logs go to stderr: stdout carries the command's output (JSON for scripts).
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Marten", LogLevel.Warning);
        builder.AddActivityWatch();
        return builder;
    }
}
