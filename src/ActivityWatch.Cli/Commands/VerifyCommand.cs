using System.CommandLine;
using ActivityWatch.Cli.Output;
using ActivityWatch.Monitoring.LivePath;
using ActivityWatch.Monitoring.Store;

namespace ActivityWatch.Cli.Commands;

/// <summary>
/// `activitywatch verify`: every order-independent view recomputed from the stored events and
/// compared with the daemon's. Exit 0 when they agree, 1 when any differs. Safe at any time, on any
/// node, mid-ingest included: it reads one snapshot, up to the events the daemon has processed.
/// </summary>
public static class VerifyCommand
{
    public const int Differences = 1;

    private static readonly Option<FileInfo?> Snapshot = new("--snapshot")
    {
        Description = "Also write every order-independent view as sorted lines to this file, to compare two datasets with diff (scripts/soak.sh does).",
    };

    public static Command Create(CliContext context)
    {
        var format = CommonOptions.Format();
        var command = new Command("verify",
            "Recompute last-used permissions, root usage, MFA posture and the access key inventory from the stored events and compare " +
            "them with the live views; list records a live-path member could not process. Exit 1 when a view differs.") { format, Snapshot };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var host = await context.StartHostAsync(DaemonRole.Disabled, cancellationToken);
            var result = await host.Get<ViewVerifier>().VerifyAsync(cancellationToken);
            if (parse.GetValue(Snapshot) is { } file)
                await File.WriteAllLinesAsync(file.FullName, await host.Get<ViewSnapshots>().TakeAsync(cancellationToken), cancellationToken);
            if (parse.GetValue(format) == OutputFormat.Json) Json.Write(context.Out, result);
            else Print(context.Out, result);
            return result.Clean ? 0 : Differences;
        });
        return command;
    }

    private static void Print(TextWriter output, ViewVerification result)
    {
        output.WriteLine($"Checked {result.RecordsChecked:N0} records, the events up to sequence {result.ProcessedSequence:N0} the live path has processed" +
                         (result.NewestSequence > result.ProcessedSequence ? $" ({result.NewestSequence - result.ProcessedSequence:N0} newer events not processed yet)." : "."));
        Table.Write(output, ["VIEW", "FROM EVENTS", "STORED", "DIFFERENCES"],
            result.Views.Select(v => (IReadOnlyList<string?>)[v.View, v.Recomputed.ToString("N0"), v.Stored.ToString("N0"), v.Differences.ToString("N0")]));
        foreach (var view in result.Views.Where(v => v.Differences > 0))
        {
            output.WriteLine($"{view.View}: {view.Differences:N0} differ, for example:");
            foreach (var d in view.Examples)
                output.WriteLine($"  {d.Key}\n    from events: {d.Expected ?? "(none)"}\n    stored:      {d.Stored ?? "(none)"}");
        }
        if (result.Holes > 0)
            output.WriteLine($"The daemon's high-water mark moved past {result.Holes:N0} sequence number(s) that rolled-back appends left unused, " +
                             $"in ranges {string.Join(", ", result.SkippedRanges.Take(10).Select(r => $"({r.Start}, {r.End}]"))} (appends commit in sequence order, so nothing can fill them later).");
        if (result.DeadLetteredEvents > 0)
            output.WriteLine($"The daemon dead-lettered {result.DeadLetteredEvents:N0} event(s) (mt_doc_deadletterevent): no live-path member saw them.");
        if (result.ProjectionFailureCount == 0) output.WriteLine("No record failed on the live path.");
        else
        {
            output.WriteLine($"{result.ProjectionFailureCount:N0} record(s) could not be processed by a live-path member (the others processed them):");
            Table.Write(output, ["MEMBER", "SEQUENCE", "OBJECT", "POSITION", "ERROR"],
                result.ProjectionFailures.Take(50).Select(f => (IReadOnlyList<string?>)[f.Member, f.Sequence.ToString(), f.SourceObject, f.Position?.ToString(), $"{f.Error}: {f.Message}"]),
                maxColumnWidth: 80);
        }
        output.WriteLine(result.Clean ? "Every view equals the fold of the stored events." : "Some views differ from the fold of the stored events: `activitywatch projections rebuild` recomputes them.");
    }
}
