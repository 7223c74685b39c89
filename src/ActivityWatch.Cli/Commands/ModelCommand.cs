using System.CommandLine;

namespace ActivityWatch.Cli.Commands;

/// <summary>`activitywatch model`: train, evaluate and give feedback to the anomaly model.</summary>
public static class ModelCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("model", "The ML anomaly model (rule ml.unusual-activity): train, evaluate, false-positive feedback.");
        command.Subcommands.Add(ModelTrainCommand.Create(context));
        command.Subcommands.Add(ModelEvaluateCommand.Create(context));
        command.Subcommands.Add(ModelFeedbackCommand.Create(context));
        command.Subcommands.Add(ModelBenchCommand.Create(context));
        return command;
    }
}
