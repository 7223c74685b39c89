using System.CommandLine;
using ActivityWatch.Cli.Output;
using ActivityWatch.Simulation;
using ActivityWatch.Simulation.Authorization;

namespace ActivityWatch.Cli.Commands;

/// <summary>`activitywatch simulate`: a realistic organisation's logs, in AWS's own file layouts.</summary>
public static class SimulateCommand
{
    private static readonly Option<int> Days = new("--days") { Description = "Days of activity.", DefaultValueFactory = _ => 7 };
    private static readonly Option<int> Principals = new("--principals") { Description = "People and workloads.", DefaultValueFactory = _ => 25 };
    private static readonly Option<int> Seed = new("--seed") { Description = "Same seed, same files.", DefaultValueFactory = _ => 1 };
    private static readonly Option<double> Rate = new("--rate") { Description = "Activity volume multiplier.", DefaultValueFactory = _ => 1.0 };
    private static readonly Option<bool> NoIncidents = new("--no-incidents") { Description = "Benign activity only." };
    private static readonly Option<DirectoryInfo> Out = new("--out") { Description = "Folder to write to.", Required = true };

    private static readonly Option<DirectoryInfo?> IamOut = new("--iam-out")
    {
        Description = "Folder for each account's IAM authorization details (get-account-authorization-details JSON) as at the start. Default: beside --out, named <out>-iam.",
    };

    public static Command Create(CliContext context)
    {
        var format = CommonOptions.Format();
        var command = new Command("simulate", "Write a generated week (or more) of CloudTrail and S3 server access logs.")
        {
            Days, Principals, Seed, Rate, NoIncidents, Out, IamOut, format,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = new SimulationOptions
            {
                Days = parse.GetValue(Days),
                Principals = parse.GetValue(Principals),
                Seed = parse.GetValue(Seed),
                Rate = parse.GetValue(Rate),
                IncludeIncidents = !parse.GetValue(NoIncidents),
            };
            var outDir = parse.GetValue(Out)!;
            var simulator = new ActivitySimulator(options);
            var summary = await simulator.WriteAsync(outDir.FullName, cancellationToken);
            // Beside the logs, not among them: `permissions import` reads these, `ingest` would not recognise them.
            var iamDir = parse.GetValue(IamOut)?.FullName ?? outDir.FullName.TrimEnd(Path.DirectorySeparatorChar) + "-iam";
            var authorization = new AuthorizationDetailsWriter(simulator.Options, simulator.Organization).Write(iamDir);
            if (parse.GetValue(format) == OutputFormat.Json) Json.Write(context.Out, summary);
            else
            {
                context.Out.WriteLine($"wrote {summary.Files} files to {outDir.FullName}: " +
                                      $"{summary.CloudTrailRecords} CloudTrail records, {summary.S3AccessRecords} S3 access log lines; " +
                                      $"IAM authorization details of {authorization.Count} accounts in {iamDir} " +
                                      $"(import each with `permissions import FILE --captured-at {options.Start:yyyy-MM-ddTHH:mm:ssZ}`)");
            }
            return 0;
        });
        return command;
    }
}
