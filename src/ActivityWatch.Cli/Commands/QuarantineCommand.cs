using System.CommandLine;
using ActivityWatch.Cli.Output;
using ActivityWatch.Monitoring.Quarantine;
using ActivityWatch.Monitoring.Store;
using Marten;

namespace ActivityWatch.Cli.Commands;

/// <summary>`activitywatch quarantine list`: the records that could not be read, with where and why.</summary>
public static class QuarantineCommand
{
    private static readonly Option<string?> Object = new("--object") { Description = "Only records of this file or S3 object." };

    public static Command Create(CliContext context)
    {
        var format = CommonOptions.Format();
        var limit = CommonOptions.Limit(1000);
        var list = new Command("list", "List quarantined records: file, position, line, byte offset, reason.") { Object, limit, format };
        list.SetAction(async (parse, cancellationToken) =>
        {
            await using var host = await context.StartHostAsync(DaemonRole.Disabled, cancellationToken);
            await using var session = host.Get<IDocumentStore>().QuerySession();
            var records = await session.ListAsync(parse.GetValue(Object), parse.GetValue(limit), cancellationToken);
            if (parse.GetValue(format) == OutputFormat.Json) Json.Write(context.Out, records);
            else
            {
                Table.Write(context.Out, ["OBJECT", "POSITION", "LINE", "BYTE", "REASON"],
                    records.Select(r => (IReadOnlyList<string?>)[r.SourceObject, r.Position.ToString(), r.Line?.ToString(), r.ByteOffset?.ToString(), r.Reason]),
                    maxColumnWidth: 80,
                    empty: parse.GetValue(Object) is { } name
                        ? $"no quarantined records from {name}: every record read from it was stored (or it was never read)"
                        : "no quarantined records: every record read so far was stored");
            }
            return 0;
        });
        return new Command("quarantine", "Records that could not be read.") { list };
    }
}
