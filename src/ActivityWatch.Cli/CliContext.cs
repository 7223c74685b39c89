using ActivityWatch.Hosting;
using ActivityWatch.Monitoring.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ActivityWatch.Cli;

/// <summary>Where a command writes, and how it gets its services. Tests give their own writers and settings.</summary>
public sealed class CliContext(TextWriter output, TextWriter error, bool isTerminal, IDictionary<string, string?>? settings = null)
{
    public TextWriter Out { get; } = output;
    public TextWriter Error { get; } = error;

    /// <summary>True when a person watches stderr: progress bars (drawn on stderr) only then.</summary>
    public bool IsTerminal { get; } = isTerminal;

    public IDictionary<string, string?>? Settings { get; } = settings;

    /// <summary>The PostgreSQL connection string of the last host built, to name the server when it does not answer.</summary>
    public string? ConnectionString { get; set; }

    public static CliContext ForConsole() =>
        new(Console.Out, Console.Error, !Console.IsErrorRedirected);

    /// <summary>Builds and starts the ActivityWatch host (schema check, and the daemon when asked for).</summary>
    public async Task<CommandHost> StartHostAsync(DaemonRole daemon, CancellationToken cancellationToken, Action<HostApplicationBuilder>? configure = null)
    {
        var builder = ActivityWatchHosting.CreateBuilder(daemon, Settings);
        ConnectionString = builder.Configuration[$"{PostgresOptions.Section}:ConnectionString"];
        // A host that fails to start is reported once, by CliApplication, not also logged with its stack trace.
        builder.Logging.AddFilter(HostLogCategory, LogLevel.None);
        configure?.Invoke(builder);
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        return new CommandHost(host);
    }

    public const string HostLogCategory = "Microsoft.Extensions.Hosting.Internal.Host";
}
