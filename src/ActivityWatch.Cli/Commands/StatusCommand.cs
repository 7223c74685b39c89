using System.CommandLine;
using ActivityWatch.Cli.Commands.Status;
using ActivityWatch.Cli.Output;
using ActivityWatch.Ingestion.Aws.Status;
using ActivityWatch.Monitoring.Integrity;
using ActivityWatch.Monitoring.LivePath;
using ActivityWatch.Monitoring.Store;
using Marten;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ActivityWatch.Cli.Commands;

/// <summary>`activitywatch status`: what local ingests read, and each AWS source's checkpoint, lag, counts and errors, as every node left them.</summary>
public static class StatusCommand
{
    public static Command Create(CliContext context)
    {
        var format = CommonOptions.Format();
        var command = new Command("status", "Show what was ingested from files, each AWS source's checkpoint, lag, object and record counts, and errors.") { format };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var host = await context.StartHostAsync(DaemonRole.Disabled, cancellationToken);
            var sources = await host.Get<SourceStatusQueries>().ListAsync(cancellationToken);
            var local = await LocalIngest.ReadAsync(host.Get<IDocumentStore>(), host.Get<NpgsqlDataSource>(), host.Get<IOptions<PostgresOptions>>().Value.Schema, cancellationToken);
            var livePath = await host.Get<LivePathQueries>().StatusAsync(10, cancellationToken);
            var trails = await host.Get<IntegrityStatusQueries>().ListAsync(cancellationToken);
            if (parse.GetValue(format) == OutputFormat.Json)
            {
                // Files read by `ingest` are one more entry of the same shape, type "files".
                var files = local.Files + local.DigestFiles == 0 ? [] : new[]
                {
                    new
                    {
                        source = "local files", type = "files", configured = false, checkpoints = Array.Empty<object>(), newestObjectTime = local.LastRead,
                        lagSeconds = (double?)null, objects = local.Files, records = local.Records, digests = local.DigestFiles, messages = 0L, deadLettered = 0L,
                        errors = (IReadOnlyDictionary<string, long>)(local.Rejected == 0 ? new Dictionary<string, long>() : new Dictionary<string, long> { ["Rejected"] = local.Rejected }),
                        errorCount = local.Rejected, lastError = (string?)null,
                    },
                };
                Json.Write(context.Out, files.Select(f => (object)f).Concat(sources.Select(s => new
                {
                    source = s.Source,
                    type = s.Type,
                    configured = s.Configured,
                    checkpoints = s.Partitions.Select(p => new { partition = p.Partition, accountId = p.AccountId, region = p.Region, lastKey = p.LastKey, newestObjectTime = p.NewestObjectTime, objects = p.Objects }),
                    newestObjectTime = s.NewestObjectTime,
                    lagSeconds = s.Lag is { } lag ? Math.Round(lag.TotalSeconds) : (double?)null,
                    objects = s.Objects,
                    records = s.Records,
                    digests = s.Digests,
                    messages = s.Messages,
                    deadLettered = s.DeadLettered,
                    errors = s.Errors,
                    errorCount = s.Errors.Values.Sum(),
                    lastError = s.LastError,
                })).Concat(IntegrityStatus.Json(trails)));
                return 0;
            }
            WriteLocal(context.Out, local);
            WriteLivePath(context.Out, livePath);
            if (sources.Count == 0)
            {
                context.Out.WriteLine("AWS sources: none configured or seen yet (set ActivityWatch__Sources__S3Prefixes__0 or __Queues__0 and run `activitywatch watch`).");
                IntegrityStatus.Write(context.Out, trails);
                return 0;
            }
            Table.Write(context.Out, ["SOURCE", "CHECKPOINT", "LAG", "OBJECTS", "RECORDS", "MESSAGES", "DLQ", "ERRORS"],
                sources.Select(s => (IReadOnlyList<string?>)
                [
                    s.Source,
                    Checkpoint(s),
                    s.Lag is { } lag ? Human(lag) : null,
                    s.Objects.ToString(),
                    s.Records.ToString(),
                    s.Type == "sqs" ? s.Messages.ToString() : null,
                    s.Type == "sqs" ? s.DeadLettered.ToString() : null,
                    s.Errors.Count == 0 ? "0" : string.Join(" ", s.Errors.Select(e => $"{e.Key}={e.Value}")),
                ]), maxColumnWidth: 70);
            foreach (var source in sources)
            {
                foreach (var partition in source.Partitions)
                    context.Out.WriteLine($"  {source.Source} {partition.Partition}: {partition.LastKey ?? "-"} ({partition.Objects} objects)");
                if (source.LastError is { } error) context.Out.WriteLine($"  {source.Source} last error: {error}");
            }
            IntegrityStatus.Write(context.Out, trails);
            return 0;
        });
        return command;
    }

    private static void WriteLocal(TextWriter output, LocalIngest local)
    {
        if (local.Files + local.DigestFiles == 0)
            output.WriteLine("Local files: nothing ingested yet (`activitywatch ingest PATH`).");
        else
            output.WriteLine($"Local files: {local.Files:N0} log files ({local.DigestFiles:N0} digest files skipped), {local.Records:N0} records read, " +
                             $"{local.Ingested:N0} stored, {local.Rejected:N0} quarantined; last read {local.LastRead:yyyy-MM-dd HH:mm} UTC");
        output.WriteLine(local.NewestEvent is { } newest
            ? $"Stored events: {local.OldestEvent:yyyy-MM-dd HH:mm} to {newest:yyyy-MM-dd HH:mm} UTC"
            : "Stored events: none yet");
    }

    /// <summary>The live path's position and the records its members could not process (`verify` lists them all).</summary>
    private static void WriteLivePath(TextWriter output, LivePathStatus livePath)
    {
        output.WriteLine(livePath.Behind == 0
            ? $"Live path: every stored event processed (sequence {livePath.ProcessedSequence:N0})."
            : $"Live path: {livePath.Behind:N0} stored event(s) not processed yet (at {livePath.ProcessedSequence:N0} of {livePath.NewestSequence:N0}).");
        if (livePath.FailureCount == 0) return;
        output.WriteLine($"Live path: {livePath.FailureCount:N0} record(s) a member could not process (the other members did); `activitywatch verify` lists them:");
        foreach (var f in livePath.RecentFailures)
            output.WriteLine($"  {f.Member} at sequence {f.Sequence} ({f.SourceObject} #{f.Position}): {f.Error}: {f.Message}");
    }

    private static string? Checkpoint(SourceStatus source) =>
        source.Type == "s3"
            ? source.Partitions.Count == 0 ? null : $"{source.Partitions.Count} partition(s), newest {source.NewestObjectTime:yyyy-MM-dd HH:mm}"
            : source.UpdatedAt is { } at ? $"last message {at:yyyy-MM-dd HH:mm:ss}" : null;

    private static string Human(TimeSpan lag) =>
        lag.TotalMinutes < 1 ? $"{lag.TotalSeconds:0}s" : lag.TotalHours < 1 ? $"{lag.TotalMinutes:0}m" : lag.TotalDays < 1 ? $"{lag.TotalHours:0.0}h" : $"{lag.TotalDays:0.0}d";
}
