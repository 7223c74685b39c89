using System.CommandLine;
using ActivityWatch.Cli.Output;
using ActivityWatch.Monitoring.Detections.Library;
using ActivityWatch.Monitoring.Store;

namespace ActivityWatch.Cli.Commands.Rules;

/// <summary>`activitywatch rules import sigma PATH...`: Sigma rules (files, or folders of .yml/.yaml) into the shared catalogue.</summary>
public static class RulesImportCommand
{
    private static readonly Argument<string[]> Paths = new("paths") { Description = "Sigma rule files or folders.", Arity = ArgumentArity.OneOrMore };

    public static Command Create(CliContext context)
    {
        var format = CommonOptions.Format();
        var sigma = new Command("sigma", "Import Sigma rules (logsource product aws, service cloudtrail). Rules the engine cannot run exactly are refused, naming the construct.")
        {
            Paths, format,
        };
        sigma.SetAction(async (parse, cancellationToken) =>
        {
            var files = new List<(string, string)>();
            foreach (var path in parse.GetValue(Paths)!)
            {
                if (Directory.Exists(path))
                    files.AddRange(Directory.EnumerateFiles(path, "*.*", SearchOption.AllDirectories)
                        .Where(f => f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase))
                        .Order(StringComparer.Ordinal).Select(f => (f, File.ReadAllText(f))));
                else if (File.Exists(path)) files.Add((path, await File.ReadAllTextAsync(path, cancellationToken)));
                else
                {
                    context.Error.WriteLine($"error: no file or folder '{path}'");
                    return 1;
                }
            }
            await using var host = await context.StartHostAsync(DaemonRole.Disabled, cancellationToken);
            var outcomes = await host.Get<RuleLibrary>().ImportSigmaAsync(files, Environment.UserName, cancellationToken);
            var loaded = outcomes.Count(o => o.Error is null);
            if (parse.GetValue(format) == OutputFormat.Json)
                Json.Write(context.Out, new
                {
                    loaded, refused = outcomes.Count - loaded,
                    rules = outcomes.Select(o => new { file = o.File, id = o.RuleId, title = o.Title, error = o.Error }),
                });
            else
            {
                foreach (var o in outcomes)
                    context.Out.WriteLine(o.Error is null ? $"loaded   {o.RuleId}  {o.File}" : $"refused  {o.File}: {o.Error}");
                context.Out.WriteLine($"{loaded} loaded, {outcomes.Count - loaded} refused");
            }
            return loaded == outcomes.Count ? 0 : 3;
        });
        var command = new Command("import", "Import rules into the catalogue.");
        command.Subcommands.Add(sigma);
        return command;
    }
}
