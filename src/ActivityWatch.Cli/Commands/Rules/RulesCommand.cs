using System.CommandLine;

namespace ActivityWatch.Cli.Commands.Rules;

/// <summary>`activitywatch rules list|import|enable|disable|replay|noise`.</summary>
public static class RulesCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("rules", "The detection catalogue, and retro-hunts over stored history.");
        command.Subcommands.Add(RulesListCommand.Create(context));
        command.Subcommands.Add(RulesImportCommand.Create(context));
        command.Subcommands.Add(RulesToggleCommand.Create(context, enable: true));
        command.Subcommands.Add(RulesToggleCommand.Create(context, enable: false));
        command.Subcommands.Add(RulesReplayCommand.Create(context));
        command.Subcommands.Add(RulesNoiseCommand.Create(context));
        return command;
    }
}
