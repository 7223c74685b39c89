using System.CommandLine;
using ActivityWatch.Cli.Output;
using ActivityWatch.Monitoring.Audit;
using ActivityWatch.Monitoring.Store;

namespace ActivityWatch.Cli.Commands;

/// <summary>`activitywatch apikeys create|list|revoke`: keys for the API and console, stored hashed.</summary>
public static class ApiKeysCommand
{
    // The CLI runs with database access, which already grants everything a key could: its operator acts as admin.
    private static string Operator => $"cli:{Environment.UserName}";

    public static Command Create(CliContext context)
    {
        var command = new Command("apikeys", "Create, list and revoke API keys.");
        command.Subcommands.Add(CreateKey(context));
        command.Subcommands.Add(ListKeys(context));
        command.Subcommands.Add(RevokeKey(context));
        return command;
    }

    private static Command CreateKey(CliContext context)
    {
        var name = new Option<string>("--name") { Description = "Who or what the key is for.", Required = true };
        var role = new Option<string>("--role") { Description = "viewer (read), responder (work alerts) or admin (rules, suppressions, keys).", Required = true };
        role.AcceptOnlyFromAmong([.. AnalystRoles.All]);
        var onlyIfNone = new Option<bool>("--only-if-none")
        {
            Description = "Create the key only when no active key exists (a first run's sign-in, as scripts/start.sh does); otherwise print nothing.",
        };
        var format = CommonOptions.Format();
        var command = new Command("create", "Create a key; its secret is printed once and never stored.") { name, role, onlyIfNone, format };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var host = await context.StartHostAsync(DaemonRole.Disabled, cancellationToken);
            if (parse.GetValue(onlyIfNone) && (await host.Get<ApiKeys>().ListAsync(cancellationToken)).Count(k => k.RevokedAt is null) is var active and > 0)
            {
                await context.Error.WriteLineAsync($"{active} active key(s) exist already: none created (`activitywatch apikeys list`).");
                return 0;
            }
            var issued = await host.Get<ApiKeys>().CreateAsync(parse.GetValue(name)!, parse.GetValue(role)!, Operator, cancellationToken);
            if (parse.GetValue(format) == OutputFormat.Json)
            {
                Json.Write(context.Out, new { id = issued.Key.Id, name = issued.Key.Name, role = issued.Key.Role, secret = issued.Secret });
                return 0;
            }
            await context.Out.WriteLineAsync($"Created {issued.Key.Role} key {issued.Key.Id} ({issued.Key.Name}). Its secret, shown only now:");
            await context.Out.WriteLineAsync(issued.Secret);
            return 0;
        });
        return command;
    }

    private static Command ListKeys(CliContext context)
    {
        var format = CommonOptions.Format();
        var command = new Command("list", "Every key, revoked ones included (secrets are not stored).") { format };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var host = await context.StartHostAsync(DaemonRole.Disabled, cancellationToken);
            var keys = await host.Get<ApiKeys>().ListAsync(cancellationToken);
            if (parse.GetValue(format) == OutputFormat.Json)
            {
                Json.Write(context.Out, keys.Select(k => new { k.Id, k.Name, k.Role, k.Prefix, k.CreatedAt, k.CreatedBy, k.RevokedAt, k.RevokedBy }));
                return 0;
            }
            Table.Write(context.Out, ["ID", "NAME", "ROLE", "PREFIX", "CREATED", "REVOKED"],
                keys.Select(k => (IReadOnlyList<string?>)
                [
                    k.Id.ToString(), k.Name, k.Role, k.Prefix + "…",
                    k.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm"), k.RevokedAt?.UtcDateTime.ToString("yyyy-MM-dd HH:mm"),
                ]),
                empty: "no API keys: create one with `activitywatch apikeys create --name NAME --role admin` to sign in to the console");
            return 0;
        });
        return command;
    }

    private static Command RevokeKey(CliContext context)
    {
        var id = new Argument<Guid>("id") { Description = "The key's id (from apikeys list)." };
        var command = new Command("revoke", "Revoke a key: requests with it are refused from now on.") { id };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var host = await context.StartHostAsync(DaemonRole.Disabled, cancellationToken);
            if (await host.Get<ApiKeys>().RevokeAsync(parse.GetValue(id), Operator, cancellationToken))
            {
                await context.Out.WriteLineAsync($"Revoked {parse.GetValue(id)}.");
                return 0;
            }
            await context.Error.WriteLineAsync($"No active key {parse.GetValue(id)}.");
            return 1;
        });
        return command;
    }
}
