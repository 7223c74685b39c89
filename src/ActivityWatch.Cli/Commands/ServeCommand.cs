using System.CommandLine;
using ActivityWatch.Api;
using ActivityWatch.Monitoring.Permissions;
using ActivityWatch.Monitoring.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ActivityWatch.Cli.Commands;

/// <summary>`activitywatch serve`: the analyst API and web console, with the async daemon (HotCold) and the scheduled hygiene check in the same process.</summary>
public static class ServeCommand
{
    private static readonly Option<string> Urls = new("--urls")
    {
        Description = "Where to listen, e.g. http://127.0.0.1:5080 (several separated by ';').",
        DefaultValueFactory = _ => ApiApplication.DefaultUrl,
    };

    public static Command Create(CliContext context)
    {
        var command = new Command("serve", "Serve the analyst API and web console.") { Urls };
        command.SetAction(async (parse, cancellationToken) =>
        {
            // A long-running process: it also checks credential hygiene on its schedule (ActivityWatch:Hygiene:Interval).
            await using var app = ApiApplication.Build(["--urls", parse.GetValue(Urls)!], context.Settings, services =>
            {
                services.AddActivityWatchHygieneSchedule();
                // A server that cannot start is reported once, by CliApplication, not also logged with its stack trace.
                services.Configure<LoggerFilterOptions>(filters =>
                {
                    filters.AddFilter(CliContext.HostLogCategory, LogLevel.None);
                    filters.AddFilter("MassTransit", LogLevel.Warning);
                });
            });
            context.ConnectionString = app.Configuration[$"{PostgresOptions.Section}:ConnectionString"];
            await app.StartAsync(cancellationToken);
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            foreach (var address in addresses) await context.Out.WriteLineAsync($"ActivityWatch console: {address}/");
            await context.Out.WriteLineAsync("Sign in with a key from `activitywatch apikeys create --name NAME --role viewer|responder|admin`.");
            await context.Out.FlushAsync(cancellationToken);
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
            }
            await app.StopAsync(CancellationToken.None);
            return 0;
        });
        return command;
    }
}
