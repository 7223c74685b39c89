using ActivityWatch.Api.Tests.Support;
using ActivityWatch.Testing;

namespace ActivityWatch.Api.Tests.Browser;

/// <summary>The console and API reached through a relay to PostgreSQL that a test can cut.</summary>
public sealed class OutageConsoleServer : ConsoleServer
{
    public PostgresProxy Proxy { get; } = new(TestDatabase.ConnectionString);

    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["ActivityWatch:Postgres:ConnectionString"] = Proxy.ConnectionString;
        // Nothing here needs projections; without a daemon the outage is only the requests'.
        settings["ActivityWatch:Projections:Daemon"] = "Disabled";
    }

    public override async Task DisposeAsync()
    {
        Proxy.Start();
        await base.DisposeAsync();
        await Proxy.DisposeAsync();
    }
}
