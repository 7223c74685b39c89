using System.CommandLine;
using ActivityWatch.Training.Evaluation;

namespace ActivityWatch.Cli.Commands;

/// <summary>`activitywatch model bench`: scoring records/s and training time (scripts/bench-ml.sh).</summary>
public static class ModelBenchCommand
{
    private static readonly Option<int> Records = new("--records") { Description = "Generated records to score.", DefaultValueFactory = _ => 1_000_000 };
    private static readonly Option<long> TrainRecords = new("--train-records") { Description = "Records to train on.", DefaultValueFactory = _ => 10_000_000 };

    public static Command Create(CliContext context)
    {
        var command = new Command("bench", "Measure anomaly scoring throughput and training time.") { Records, TrainRecords };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await ModelBenchmark.RunAsync(parse.GetValue(Records), parse.GetValue(TrainRecords), context.Out, cancellationToken);
            return 0;
        });
        return command;
    }
}
