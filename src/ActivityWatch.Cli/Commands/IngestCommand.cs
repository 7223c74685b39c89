using System.CommandLine;
using ActivityWatch.Cli.Commands.Ingest;
using ActivityWatch.Cli.Errors;
using ActivityWatch.Cli.Output;
using ActivityWatch.Ingestion.Aws.S3;
using ActivityWatch.Ingestion.Objects;
using ActivityWatch.Ingestion.Pipeline;
using ActivityWatch.Monitoring.Integrity;
using ActivityWatch.Monitoring.Store;
using Marten;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ActivityWatch.Cli.Commands;

/// <summary>`activitywatch ingest PATH...`: CloudTrail and S3 server access logs into the event store.</summary>
public static class IngestCommand
{
    /// <summary>Exit code when the ingest finished but some records or objects could not be read.</summary>
    public const int ExitRejected = ExitCodes.Rejected;

    private static readonly Argument<string[]> Paths = new("paths")
    {
        Description = "Files, folders (read recursively), globs such as 'logs/**/*.json.gz', or s3://BUCKET/PREFIX.",
        Arity = ArgumentArity.OneOrMore,
    };

    private static readonly Option<bool> NoWait = new("--no-wait")
    {
        Description = "Return once the records are stored, without waiting for projections and alerts to catch up.",
    };

    private static readonly Option<bool> Reread = new("--reread")
    {
        Description = "Read objects again even when their checkpoint says they are done (duplicates are counted, never stored twice).",
    };

    public static Command Create(CliContext context)
    {
        var format = CommonOptions.Format();
        var command = new Command("ingest", "Read CloudTrail logs (S3 delivery files, EventBridge events, JSON Lines; gzip or not) and S3 server access logs.")
        {
            Paths, format, NoWait, Reread,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var paths = parse.GetValue(Paths)!;
            IReadOnlyList<ILogObject> objects;
            try
            {
                objects = LocalFileFinder.Find(paths.Where(p => !S3Uri.IsS3(p)));
            }
            catch (FileNotFoundException missing)
            {
                await context.Error.WriteLineAsync($"error: no such file or folder: {missing.FileName}");
                return ExitCodes.Usage;
            }
            await using var host = await context.StartHostAsync(DaemonRole.HotCold, cancellationToken);
            var pipeline = host.Get<IngestionPipeline>();
            // s3://BUCKET/PREFIX arguments: every log object under the prefix, digest files included for integrity verification.
            var (s3Objects, s3Digests) = await host.Get<S3PrefixSource>().ListAsync(paths, cancellationToken);
            if (s3Objects.Count > 0) objects = [.. objects, .. s3Objects];

            var wait = !parse.GetValue(NoWait);
            var alertsBefore = wait ? await AlertTally.CountAsync(host.Get<IDocumentStore>(), host.Get<NpgsqlDataSource>(), cancellationToken) : null;
            using var bar = context.IsTerminal ? new ProgressBar(context.Error) : null;
            var stopwatch = System.Diagnostics.Stopwatch.StartNew();
            var summary = await pipeline.IngestAsync(objects, parse.GetValue(Reread), bar, cancellationToken, host.Get<S3PrefixSource>().Prefetch);
            summary = summary with { DigestFilesSkipped = summary.DigestFilesSkipped + s3Digests };

            AlertTally? raised = null;
            if (wait)
            {
                await CatchUpAsync(host, bar, cancellationToken);
                summary = summary with { Seconds = stopwatch.Elapsed.TotalSeconds };
                raised = (await AlertTally.CountAsync(host.Get<IDocumentStore>(), host.Get<NpgsqlDataSource>(), cancellationToken)).Since(alertsBefore!);
            }
            bar?.Dispose();

            Write(context.Out, summary, raised, parse.GetValue(format));
            foreach (var failure in summary.Failures) context.Error.WriteLine($"error: {failure.Object}: {failure.Reason}");
            if (summary.Rejected > 0)
                context.Error.WriteLine($"{summary.Rejected} record(s) quarantined: see `activitywatch quarantine list`.");
            return summary.Rejected > 0 || summary.Failures.Count > 0 ? ExitRejected : ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Waits for projections, detections and alert delivery; the bar shows how far they are.</summary>
    private static async Task CatchUpAsync(CommandHost host, ProgressBar? bar, CancellationToken cancellationToken)
    {
        var timeout = host.Get<IOptions<IngestionOptions>>().Value.CatchUpTimeout;
        var waiting = host.Get<CatchUp>().WaitAsync(timeout, cancellationToken);
        if (bar is null)
        {
            await waiting;
            return;
        }
        var progress = new CatchUpProgress(host.Get<NpgsqlDataSource>(), host.Get<IOptions<PostgresOptions>>().Value.Schema);
        while (await Task.WhenAny(waiting, Task.Delay(250, cancellationToken)) != waiting)
        {
            var (processed, newest) = await progress.ReadAsync(cancellationToken);
            bar.ReportCatchUp(processed, newest);
        }
        await waiting;
        var (_, total) = await progress.ReadAsync(cancellationToken);
        bar.ReportCatchUp(total, total);
    }

    private static void Write(TextWriter output, IngestSummary summary, AlertTally? raised, OutputFormat format)
    {
        if (format == OutputFormat.Json)
        {
            Json.Write(output, new
            {
                files = summary.Files,
                filesUnchanged = summary.FilesUnchanged,
                records = summary.Records,
                ingested = summary.Ingested,
                duplicates = summary.Duplicates,
                rejected = summary.Rejected,
                digestFilesSkipped = summary.DigestFilesSkipped,
                digestFiles = summary.DigestFiles,
                integrityFindings = summary.IntegrityFindings,
                failures = summary.Failures,
                seconds = Math.Round(summary.Seconds, 3),
                // Null with --no-wait: the detections had not run yet.
                alertsRaised = raised is null ? null : new { total = raised.Total, bySeverity = raised.BySeverity, suppressed = raised.Suppressed },
            });
            return;
        }
        output.WriteLine($"files       {summary.Files} ({summary.FilesUnchanged} unchanged since last ingest, {summary.DigestFilesSkipped} digest files skipped)");
        output.WriteLine($"records     {summary.Records}");
        output.WriteLine($"ingested    {summary.Ingested}");
        output.WriteLine($"duplicates  {summary.Duplicates}");
        output.WriteLine($"rejected    {summary.Rejected}");
        output.WriteLine($"seconds     {summary.Seconds:0.00} ({(summary.Seconds > 0 ? summary.Records / summary.Seconds : 0):0} records/s)");
        output.WriteLine(raised is null
            ? "alerts      not waited for (--no-wait): see `activitywatch alerts list` once the detections have run"
            : raised.Total == 0 ? "no alerts raised" : $"{raised.Describe()}: see `activitywatch alerts list`");
        if (summary.DigestFiles > 0)
            output.WriteLine($"integrity   {summary.DigestFiles} digest files read, {summary.IntegrityFindings} new finding(s) (see `activitywatch status` and `alerts list --rule {IntegrityAlerts.RuleId}`)");
    }
}
