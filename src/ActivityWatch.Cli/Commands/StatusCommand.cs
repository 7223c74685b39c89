using System.CommandLine;
using ActivityWatch.Cli.Output;
using ActivityWatch.Ingestion.Aws.Status;
using ActivityWatch.Monitoring.Integrity;
using ActivityWatch.Monitoring.LivePath;
using ActivityWatch.Monitoring.Store;

namespace ActivityWatch.Cli.Commands;

/// <summary>`activitywatch status`: each source's checkpoint, lag, counts and errors, as every watch node left them.</summary>
public static class StatusCommand
{
    public static Command Create(CliContext context)
    {
        var format = CommonOptions.Format();
        var command = new Command("status", "Show each source's checkpoint, lag, object and record counts, and errors.") { format };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var host = await context.StartHostAsync(DaemonRole.Disabled, cancellationToken);
            var sources = await host.Get<SourceStatusQueries>().ListAsync(cancellationToken);
            var livePath = await host.Get<LivePathQueries>().StatusAsync(10, cancellationToken);
            var trails = await host.Get<IntegrityStatusQueries>().ListAsync(cancellationToken);
            if (parse.GetValue(format) == OutputFormat.Json)
            {
                Json.Write(context.Out, sources.Select(s => (object)new
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
                }).Concat(IntegrityStatus.Json(trails)));
                return 0;
            }
            WriteLivePath(context.Out, livePath);
            if (sources.Count == 0)
            {
                context.Out.WriteLine("No sources configured or seen yet (ActivityWatch:Sources).");
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
