using ActivityWatch.Hosting;
using ActivityWatch.Monitoring.Store;
using Microsoft.Extensions.Hosting;

namespace ActivityWatch.Cli;

/// <summary>Where a command writes, and how it gets its services. Tests give their own writers and settings.</summary>
public sealed class CliContext(TextWriter output, TextWriter error, bool isTerminal, IDictionary<string, string?>? settings = null)
{
    public TextWriter Out { get; } = output;
    public TextWriter Error { get; } = error;

    /// <summary>True when a person watches stdout/stderr: progress bars are drawn only then.</summary>
    public bool IsTerminal { get; } = isTerminal;

    public IDictionary<string, string?>? Settings { get; } = settings;

    public static CliContext ForConsole() =>
        new(Console.Out, Console.Error, !Console.IsErrorRedirected && !Console.IsOutputRedirected);

    /// <summary>Builds and starts the ActivityWatch host (schema check, and the daemon when asked for).</summary>
    public async Task<CommandHost> StartHostAsync(DaemonRole daemon, CancellationToken cancellationToken, Action<HostApplicationBuilder>? configure = null)
    {
        var builder = ActivityWatchHosting.CreateBuilder(daemon, Settings);
        configure?.Invoke(builder);
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        return new CommandHost(host);
    }
}
