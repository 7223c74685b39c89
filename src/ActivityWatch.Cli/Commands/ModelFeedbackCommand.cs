using System.CommandLine;
using ActivityWatch.Anomalies.Feedback;
using ActivityWatch.Monitoring.Store;

namespace ActivityWatch.Cli.Commands;

/// <summary>`activitywatch model false-positive ALERT-ID`: suppress an ml alert and stop its pattern alerting.</summary>
public static class ModelFeedbackCommand
{
    private static readonly Argument<Guid> AlertId = new("alert-id") { Description = "The ml.unusual-activity alert." };
    private static readonly Option<string> By = new("--by") { Description = "Who says so.", DefaultValueFactory = _ => Environment.UserName };
    private static readonly Option<string?> Note = new("--note") { Description = "Why it is fine." };

    public static Command Create(CliContext context)
    {
        var command = new Command("false-positive", "Mark an ml.unusual-activity alert a false positive: its principal and anomaly signature stop alerting and leave the next training.")
        {
            AlertId, By, Note,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var host = await context.StartHostAsync(DaemonRole.Disabled, cancellationToken);
            var recorded = await host.Get<AnomalyFeedbackService>().MarkFalsePositiveAsync(parse.GetValue(AlertId), parse.GetValue(By)!, parse.GetValue(Note), cancellationToken);
            if (!recorded)
            {
                context.Error.WriteLine("Not an ml.unusual-activity alert (or unknown id).");
                return 2;
            }
            context.Out.WriteLine("Recorded: this pattern no longer alerts for the principal.");
            return 0;
        });
        return command;
    }
}
