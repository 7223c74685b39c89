using System.CommandLine;
using ActivityWatch.Cli.Output;
using ActivityWatch.Ingestion.Aws.S3;
using ActivityWatch.Ingestion.Objects;
using ActivityWatch.Ingestion.Pipeline;
using ActivityWatch.Monitoring.Integrity;
using ActivityWatch.Monitoring.Store;
using Microsoft.Extensions.Options;

namespace ActivityWatch.Cli.Commands;

/// <summary>`activitywatch ingest PATH...`: CloudTrail and S3 server access logs into the event store.</summary>
public static class IngestCommand
{
    /// <summary>Exit code when the ingest finished but some records or objects could not be read.</summary>
    public const int ExitRejected = 3;

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
            IReadOnlyList<ILogObject> objects = LocalFileFinder.Find(paths.Where(p => !S3Uri.IsS3(p)));
            await using var host = await context.StartHostAsync(DaemonRole.HotCold, cancellationToken);
            var pipeline = host.Get<IngestionPipeline>();
            // s3://BUCKET/PREFIX arguments: every log object under the prefix, digest files included for integrity verification.
            var (s3Objects, s3Digests) = await host.Get<S3PrefixSource>().ListAsync(paths, cancellationToken);
            if (s3Objects.Count > 0) objects = [.. objects, .. s3Objects];

            using var bar = context.IsTerminal ? new ProgressBar(context.Error) : null;
            var stopwatch = System.Diagnostics.Stopwatch.StartNew();
            var summary = await pipeline.IngestAsync(objects, parse.GetValue(Reread), bar, cancellationToken, host.Get<S3PrefixSource>().Prefetch);
            summary = summary with { DigestFilesSkipped = summary.DigestFilesSkipped + s3Digests };

            if (!parse.GetValue(NoWait))
            {
                var timeout = host.Get<IOptions<IngestionOptions>>().Value.CatchUpTimeout;
                await host.Get<CatchUp>().WaitAsync(timeout, cancellationToken);
                summary = summary with { Seconds = stopwatch.Elapsed.TotalSeconds };
            }
            bar?.Dispose();

            Write(context.Out, summary, parse.GetValue(format));
            foreach (var failure in summary.Failures) context.Error.WriteLine($"error: {failure.Object}: {failure.Reason}");
            if (summary.Rejected > 0)
                context.Error.WriteLine($"{summary.Rejected} record(s) quarantined: see `activitywatch quarantine list`.");
            return summary.Rejected > 0 || summary.Failures.Count > 0 ? ExitRejected : 0;
        });
        return command;
    }

    private static void Write(TextWriter output, IngestSummary summary, OutputFormat format)
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
            });
            return;
        }
        output.WriteLine($"files       {summary.Files} ({summary.FilesUnchanged} unchanged since last ingest, {summary.DigestFilesSkipped} digest files skipped)");
        output.WriteLine($"records     {summary.Records}");
        output.WriteLine($"ingested    {summary.Ingested}");
        output.WriteLine($"duplicates  {summary.Duplicates}");
        output.WriteLine($"rejected    {summary.Rejected}");
        output.WriteLine($"seconds     {summary.Seconds:0.00} ({(summary.Seconds > 0 ? summary.Records / summary.Seconds : 0):0} records/s)");
        if (summary.DigestFiles > 0)
            output.WriteLine($"integrity   {summary.DigestFiles} digest files read, {summary.IntegrityFindings} new finding(s) (see `activitywatch status` and `alerts list --rule {IntegrityAlerts.RuleId}`)");
    }
}
