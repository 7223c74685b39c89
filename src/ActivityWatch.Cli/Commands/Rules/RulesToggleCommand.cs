using System.CommandLine;
using ActivityWatch.Monitoring.Detections.Library;
using ActivityWatch.Monitoring.Store;

namespace ActivityWatch.Cli.Commands.Rules;

/// <summary>`activitywatch rules enable|disable ID`: applies to records stored from now on, on every node.</summary>
public static class RulesToggleCommand
{
    public static Command Create(CliContext context, bool enable)
    {
        var id = new Argument<string>("id") { Description = "The rule id (see `rules list`)." };
        var note = new Option<string?>("--note") { Description = "Why." };
        var command = new Command(enable ? "enable" : "disable", enable ? "Enable a rule." : "Disable a rule (live evaluation stops for records stored from now on).") { id, note };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var host = await context.StartHostAsync(DaemonRole.Disabled, cancellationToken);
            var ruleId = parse.GetValue(id)!;
            if (!await host.Get<RuleLibrary>().SetEnabledAsync(ruleId, enable, Environment.UserName, parse.GetValue(note), cancellationToken))
            {
                context.Error.WriteLine($"error: unknown rule '{ruleId}' (see `activitywatch rules list`)");
                return 1;
            }
            context.Out.WriteLine($"{ruleId} {(enable ? "enabled" : "disabled")}");
            return 0;
        });
        return command;
    }
}
