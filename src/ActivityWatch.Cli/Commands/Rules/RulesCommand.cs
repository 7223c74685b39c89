using System.CommandLine;

namespace ActivityWatch.Cli.Commands.Rules;

/// <summary>`activitywatch rules list|replay`.</summary>
public static class RulesCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("rules", "The detection catalogue, and retro-hunts over stored history.");
        command.Subcommands.Add(RulesListCommand.Create(context));
        command.Subcommands.Add(RulesReplayCommand.Create(context));
        return command;
    }
}
