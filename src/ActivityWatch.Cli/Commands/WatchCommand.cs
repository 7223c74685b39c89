using System.CommandLine;
using ActivityWatch.Cli.Output;
using ActivityWatch.Delivery.Logging;
using ActivityWatch.Ingestion.Aws.Watching;
using ActivityWatch.Monitoring.Permissions;
using ActivityWatch.Monitoring.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ActivityWatch.Cli.Commands;

/// <summary>
/// `activitywatch watch`: follows the configured sources (ActivityWatch:Sources) until stopped,
/// with the async daemon in HotCold mode so several nodes can run it side by side.
/// </summary>
public static class WatchCommand
{
    private static readonly Option<bool> Once = new("--once")
    {
        Description = "Poll every prefix once and read every queue until it is empty, then exit (for cron jobs and scripts).",
    };

    public static Command Create(CliContext context)
    {
        var format = CommonOptions.Format();
        var command = new Command("watch", "Follow S3 log prefixes, S3 notification queues and EventBridge queues continuously.") { Once, format };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var once = parse.GetValue(Once);
            // Following sources is long-running: it also checks credential hygiene on its schedule.
            await using var host = await context.StartHostAsync(DaemonRole.HotCold, cancellationToken,
                builder =>
                {
                    if (once) return;
                    builder.Services.AddActivityWatchHygieneSchedule();
                    // Following sources for good: each alert change is a log line, as under `serve`.
                    builder.Logging.AddFilter(typeof(LogAlertConsumer).Namespace, LogLevel.Information);
                });
            var watcher = host.Get<SourceWatcher>();
            if (!watcher.HasSources)
            {
                context.Error.WriteLine("No sources: set ActivityWatch:Sources:S3Prefixes and/or ActivityWatch:Sources:Queues " +
                                        "(e.g. ActivityWatch__Sources__S3Prefixes__0=s3://my-trail-bucket/AWSLogs/).");
                return 2;
            }
            if (once)
            {
                var round = await watcher.RunOnceAsync(cancellationToken);
                await host.Get<CatchUp>().WaitAsync(TimeSpan.FromMinutes(10), cancellationToken);
                if (parse.GetValue(format) == OutputFormat.Json) Json.Write(context.Out, round);
                else context.Out.WriteLine($"objects {round.Objects}, records {round.Records}, messages {round.Messages}, failures {round.Failures}");
                return 0;
            }
            context.Error.WriteLine("watching; Ctrl+C stops");
            await watcher.RunAsync(cancellationToken);
            return 0;
        });
        return command;
    }
}
