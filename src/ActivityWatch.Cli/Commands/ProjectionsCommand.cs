using System.CommandLine;
using ActivityWatch.Monitoring.Store;
using Marten;

namespace ActivityWatch.Cli.Commands;

/// <summary>
/// `activitywatch projections rebuild`: recompute the live path's views from every stored event.
/// The views are emptied and the daemon replays the store into them; alerts already raised stay (their
/// evidence is a set, so replaying raises nothing twice) and anomaly profiles are learned afresh.
/// </summary>
public static class ProjectionsCommand
{
    private static readonly Argument<string> Name = new("name")
    {
        Description = $"The projection to rebuild ({MonitoringProjections.ActivityViews}: every view on the live path).",
        DefaultValueFactory = _ => MonitoringProjections.ActivityViews,
    };

    private static readonly Option<TimeSpan> Timeout = new("--timeout")
    {
        Description = "How long the rebuild may take.",
        DefaultValueFactory = _ => TimeSpan.FromHours(2),
    };

    public static Command Create(CliContext context)
    {
        var rebuild = new Command("rebuild", "Empty a projection's views and replay every stored event into them. Run it while no other node runs the daemon (stop `serve` and `watch` elsewhere first).") { Name, Timeout };
        rebuild.SetAction(async (parse, cancellationToken) =>
        {
            var name = parse.GetValue(Name)!;
            await using var host = await context.StartHostAsync(DaemonRole.Disabled, cancellationToken);
            var store = (DocumentStore)host.Get<IDocumentStore>();
            var known = store.Options.Projections.AllShards().Select(s => s.Name.Name).Distinct().ToList();
            if (!known.Contains(name))
            {
                context.Error.WriteLine($"No projection named '{name}'. Known: {string.Join(", ", known)}.");
                return 2;
            }
            using var daemon = await store.BuildProjectionDaemonAsync();
            var started = DateTime.UtcNow;
            await daemon.RebuildProjectionAsync(name, parse.GetValue(Timeout), cancellationToken);
            context.Out.WriteLine($"Rebuilt {name} in {(DateTime.UtcNow - started).TotalSeconds:0.0} s. `activitywatch verify` compares it with the events.");
            return 0;
        });
        return new Command("projections", "Maintain the projections (the live path's views).") { rebuild };
    }
}
