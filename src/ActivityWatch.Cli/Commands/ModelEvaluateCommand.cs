using System.CommandLine;
using ActivityWatch.Cli.Output;
using ActivityWatch.Training.Evaluation;

namespace ActivityWatch.Cli.Commands;

/// <summary>`activitywatch model evaluate`: the in-memory harness (generate, train, replay attacks, compare with the rarity baseline).</summary>
public static class ModelEvaluateCommand
{
    private static readonly Option<int> Seed = new("--seed") { Description = "Simulation seed.", DefaultValueFactory = _ => 1 };
    private static readonly Option<int> People = new("--people") { Description = "People in the organisation.", DefaultValueFactory = _ => new EvaluationSettings().People };
    private static readonly Option<int> TrainDays = new("--train-days") { DefaultValueFactory = _ => new EvaluationSettings().TrainDays };
    private static readonly Option<int> TestDays = new("--test-days") { DefaultValueFactory = _ => new EvaluationSettings().TestDays };
    private static readonly Option<int> Attacks = new("--attacks-per-kind") { DefaultValueFactory = _ => new EvaluationSettings().AttacksPerKind };
    private static readonly Option<string?> Out = new("--out") { Description = "Also write evaluation.md and evaluation.json here, and the model trained in the run." };

    public static Command Create(CliContext context)
    {
        var format = CommonOptions.Format();
        var command = new Command("evaluate", "Generate benign history, train on it, replay injected attacks; ML model vs rarity baseline.")
        {
            Seed, People, TrainDays, TestDays, Attacks, Out, format,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var settings = new EvaluationSettings
            {
                Seed = parse.GetValue(Seed),
                People = parse.GetValue(People),
                TrainDays = parse.GetValue(TrainDays),
                TestDays = parse.GetValue(TestDays),
                AttacksPerKind = parse.GetValue(Attacks),
            };
            var (result, model) = await EvaluationHarness.RunAsync(settings, cancellationToken);
            if (parse.GetValue(Out) is { } outDir)
            {
                Directory.CreateDirectory(outDir);
                await File.WriteAllTextAsync(Path.Combine(outDir, "evaluation.md"), EvaluationReport.Markdown(result), cancellationToken);
                await File.WriteAllTextAsync(Path.Combine(outDir, "evaluation.json"), EvaluationReport.Json(result), cancellationToken);
                model.Save(outDir);
            }
            context.Out.Write(parse.GetValue(format) == OutputFormat.Json ? EvaluationReport.Json(result) + Environment.NewLine : EvaluationReport.Markdown(result));
            return 0;
        });
        return command;
    }
}
