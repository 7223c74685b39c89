using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace ActivityWatch.Cli.Tests.Scripts;

/// <summary>
/// scripts/postgres.sh on a cluster of its own (ACTIVITYWATCH_PGDATA in a temporary folder, free
/// ports): the port can change after the cluster exists, and stop stops it whatever the
/// connection string says. The shared server the other tests use is never touched.
/// </summary>
public sealed class PostgresScriptTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"aw-pgscript-{Guid.NewGuid():N}");
    private Dictionary<string, string?> Environment(int port, string? connectionString = null) => new()
    {
        ["ACTIVITYWATCH_PGDATA"] = Path.Combine(_folder, "data"),
        ["ACTIVITYWATCH_PGPORT"] = port.ToString(),
        ["ActivityWatch__Postgres__ConnectionString"] = connectionString,
    };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await ScriptRun.RunAsync("postgres.sh", Environment(1), "stop");
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static async Task<bool> AnswersAsync(string connectionString)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            return (int)(await command.ExecuteScalarAsync())! == 1;
        }
        catch (NpgsqlException)
        {
            return false;
        }
    }

    [Fact]
    public async Task ExistingCluster_StartsOnTheNewPort_AndStopStopsItWithAConnectionStringExported()
    {
        var first = FreePort();
        var (created, firstUrl, createError) = await ScriptRun.RunAsync("postgres.sh", Environment(first), "start");
        Assert.True(created == 0, createError);
        Assert.Contains($"Port={first};", firstUrl);
        Assert.Equal(0, (await ScriptRun.RunAsync("postgres.sh", Environment(first), "stop")).ExitCode);

        var second = FreePort();
        var (started, secondUrl, startError) = await ScriptRun.RunAsync("postgres.sh", Environment(second), "start");

        Assert.True(started == 0, startError);
        Assert.Contains($"Port={second};", secondUrl);
        Assert.True(await AnswersAsync(secondUrl.Trim()));
        Assert.False(await AnswersAsync(firstUrl.Trim()));
        var (_, status, _) = await ScriptRun.RunAsync("postgres.sh", Environment(second), "status");
        Assert.StartsWith($"running on 127.0.0.1:{second} ", status);

        // scripts/activitywatch and start.sh export the connection string: stop must still stop the cluster.
        var (stopped, _, stopError) = await ScriptRun.RunAsync("postgres.sh", Environment(second, secondUrl.Trim()), "stop");

        Assert.True(stopped == 0, stopError);
        Assert.False(await AnswersAsync(secondUrl.Trim()));
        Assert.Equal(3, (await ScriptRun.RunAsync("postgres.sh", Environment(second), "status")).ExitCode);
    }
}
