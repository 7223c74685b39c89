using System.CommandLine;
using System.Globalization;
using ActivityWatch.Cli.Output;
using ActivityWatch.Training.Evaluation;

namespace ActivityWatch.Cli.Commands;

/// <summary>`activitywatch model evaluate`: the in-memory harness on the estate generator (PCA, the classifier and the rarity baseline on several seeds).</summary>
public static class ModelEvaluateCommand
{
    private static readonly Option<string> Seeds = new("--seeds") { Description = "Estate seeds to evaluate on, comma-separated.", DefaultValueFactory = _ => string.Join(',', new EvaluationSettings().Seeds) };
    private static readonly Option<string> ClassifierSeeds = new("--classifier-seeds") { Description = "Estate seeds the classifier learns from (the last calibrates its threshold); never evaluated on.", DefaultValueFactory = _ => string.Join(',', new EvaluationSettings().ClassifierSeeds) };
    private static readonly Option<int> People = new("--people") { Description = "People in each estate.", DefaultValueFactory = _ => new EvaluationSettings().People };
    private static readonly Option<int> TrainDays = new("--train-days") { DefaultValueFactory = _ => new EvaluationSettings().TrainDays };
    private static readonly Option<int> TestDays = new("--test-days") { DefaultValueFactory = _ => new EvaluationSettings().TestDays };
    private static readonly Option<int> Attacks = new("--attacks-per-kind") { DefaultValueFactory = _ => new EvaluationSettings().AttacksPerKind };
    private static readonly Option<bool> PcaOnly = new("--pca-only") { Description = "Skip the classifiers (quicker while tuning features)." };
    private static readonly Option<string?> Out = new("--out") { Description = "Also write evaluation.md and evaluation.json here, and the model the numbers picked." };

    public static Command Create(CliContext context)
    {
        var format = CommonOptions.Format();
        var command = new Command("evaluate", "Generate estates with quiet attacks; PCA, the classifier and the rarity baseline on each; pick the model.")
        {
            Seeds, ClassifierSeeds, People, TrainDays, TestDays, Attacks, PcaOnly, Out, format,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var settings = new EvaluationSettings
            {
                Seeds = ParseSeeds(parse.GetValue(Seeds)),
                ClassifierSeeds = ParseSeeds(parse.GetValue(ClassifierSeeds)),
                People = parse.GetValue(People),
                TrainDays = parse.GetValue(TrainDays),
                TestDays = parse.GetValue(TestDays),
                AttacksPerKind = parse.GetValue(Attacks),
                Classifiers = !parse.GetValue(PcaOnly),
            };
            if (settings.Seeds.Count == 0 || settings.ClassifierSeeds.Count == 0 || settings.Seeds.Intersect(settings.ClassifierSeeds).Any())
            {
                context.Error.WriteLine("Give at least one seed for each, and no seed in both --seeds and --classifier-seeds.");
                return 2;
            }
            var log = new Progress<string>(line => context.Error.WriteLine(line));
            var (result, model) = await EvaluationHarness.RunAsync(settings, log, cancellationToken);
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

    private static List<int> ParseSeeds(string? text) =>
        (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed) ? seed : (int?)null)
            .Where(s => s is not null).Select(s => s!.Value).Distinct().ToList();
}
