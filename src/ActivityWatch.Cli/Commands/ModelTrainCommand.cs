using System.CommandLine;
using ActivityWatch.Cli.Output;
using ActivityWatch.Anomalies.Features;
using ActivityWatch.Anomalies.Model;
using ActivityWatch.Monitoring.Store;
using ActivityWatch.Training;
using ActivityWatch.Training.Stored;
using Marten;

namespace ActivityWatch.Cli.Commands;

/// <summary>`activitywatch model train`: trains on the stored events and writes the .zip and model card.</summary>
public static class ModelTrainCommand
{
    private static readonly Option<string> Out = new("--out") { Description = "Directory for activity-anomaly.zip and .json.", DefaultValueFactory = _ => "ml-models" };
    private static readonly Option<int> Rank = new("--rank") { Description = "Principal components kept.", DefaultValueFactory = _ => new TrainerSettings().Rank };

    public static Command Create(CliContext context)
    {
        var since = CommonOptions.Since();
        var until = CommonOptions.Until();
        var format = CommonOptions.Format();
        var command = new Command("train", "Train the anomaly model from stored activity (the scorer picks the new file up without a restart).")
        {
            since, until, Out, Rank, format,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var host = await context.StartHostAsync(DaemonRole.Disabled, cancellationToken);
            var outDir = parse.GetValue(Out)!;
            var existing = Path.Combine(outDir, ModelFiles.ZipName);
            AnomalyModel? previous = null;
            if (File.Exists(existing)) previous = ModelFiles.Load(new Microsoft.ML.MLContext(), existing);
            var progress = new Progress<long>(n => { if (context.IsTerminal) context.Error.Write($"\r{n:N0} records"); });
            var trained = await StoredTraining.TrainAsync(host.Get<IDocumentStore>(), parse.GetValue(since), parse.GetValue(until),
                new TrainerSettings { Rank = parse.GetValue(Rank) }, previous, progress, cancellationToken, host.Get<NetworkKinds>());
            var path = trained.Save(outDir);
            var card = trained.Model.Card;
            if (parse.GetValue(format) == OutputFormat.Json) Json.Write(context.Out, card);
            else context.Out.WriteLine($"Wrote {path}: {card.TrainingRecords:N0} records ({card.ScoredRows:N0} warm rows, {card.ExcludedByFeedback:N0} excluded by feedback), threshold {card.Threshold:0.000}");
            return 0;
        });
        return command;
    }
}
