using System.CommandLine;
using ActivityWatch.Cli.Output;
using ActivityWatch.Monitoring.Alerts.Suppressions;
using ActivityWatch.Monitoring.Detections.Library;
using ActivityWatch.Monitoring.Store;

namespace ActivityWatch.Cli.Commands.Alerts;

/// <summary>`activitywatch alerts suppressions add|list|remove`: known-good patterns whose alerts are raised suppressed.</summary>
public static class SuppressionsCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("suppressions", "Suppression rules: matching hits raise alerts with status suppressed.");
        command.Subcommands.Add(Add(context));
        command.Subcommands.Add(List(context));
        command.Subcommands.Add(Remove(context));
        return command;
    }

    private static Command Add(CliContext context)
    {
        var rule = new Option<string>("--rule") { Description = "Rule id (see `rules list`), or * for every rule.", Required = true };
        var principal = new Option<string?>("--principal") { Description = "Only this principal ARN." };
        var cidr = new Option<string?>("--source-ip") { Description = "Only from this address or CIDR block." };
        var note = new Option<string>("--note") { Description = "Why this is known good.", Required = true };
        var by = new Option<string?>("--by") { Description = "Who (default: $USER)." };
        var format = CommonOptions.Format();
        var command = new Command("add", "Add a suppression rule.") { rule, principal, cidr, note, by, format };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var ruleId = parse.GetValue(rule)!;
            await using var host = await context.StartHostAsync(DaemonRole.Disabled, cancellationToken);
            if (ruleId != "*" && (await host.Get<RuleLibrary>().LoadAsync(cancellationToken)).Find(ruleId) is null && !ruleId.StartsWith("ml.", StringComparison.Ordinal))
            {
                context.Error.WriteLine($"error: unknown rule '{ruleId}' (see `activitywatch rules list`)");
                return 1;
            }
            try
            {
                var added = await host.Get<SuppressionRules>().AddAsync(ruleId, parse.GetValue(principal), parse.GetValue(cidr), parse.GetValue(note)!,
                    parse.GetValue(by) ?? Environment.GetEnvironmentVariable("USER") ?? Environment.UserName, cancellationToken);
                if (parse.GetValue(format) == OutputFormat.Json) Json.Write(context.Out, added);
                else context.Out.WriteLine(added.Id);
                return 0;
            }
            catch (ArgumentException e)
            {
                context.Error.WriteLine($"error: {e.Message}");
                return 1;
            }
        });
        return command;
    }

    private static Command List(CliContext context)
    {
        var format = CommonOptions.Format();
        var command = new Command("list", "List suppression rules.") { format };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var host = await context.StartHostAsync(DaemonRole.Disabled, cancellationToken);
            var rules = await host.Get<SuppressionRules>().ListAsync(cancellationToken);
            if (parse.GetValue(format) == OutputFormat.Json) Json.Write(context.Out, rules);
            else Table.Write(context.Out, ["ID", "RULE", "PRINCIPAL", "SOURCE IP", "BY", "NOTE"],
                rules.Select(r => (IReadOnlyList<string?>)[r.Id, r.RuleId, r.Principal, r.SourceCidr, r.CreatedBy, r.Note]), maxColumnWidth: 60,
                empty: "no suppression rules: every alert is raised open (add one with `activitywatch alerts suppressions add --rule ID --note WHY`)");
            return 0;
        });
        return command;
    }

    private static Command Remove(CliContext context)
    {
        var id = new Argument<string>("id") { Description = "The suppression rule id." };
        var command = new Command("remove", "Remove a suppression rule.") { id };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var host = await context.StartHostAsync(DaemonRole.Disabled, cancellationToken);
            if (await host.Get<SuppressionRules>().RemoveAsync(parse.GetValue(id)!, cancellationToken)) return 0;
            context.Error.WriteLine($"error: no suppression rule {parse.GetValue(id)}");
            return 1;
        });
        return command;
    }
}
