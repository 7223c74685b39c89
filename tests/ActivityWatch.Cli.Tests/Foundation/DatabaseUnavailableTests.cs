using System.Net;
using System.Net.Sockets;
using ActivityWatch.Cli.Errors;

namespace ActivityWatch.Cli.Tests.Foundation;

/// <summary>PostgreSQL not answering is one line naming the server and the fix, with its own exit code, for every command.</summary>
public sealed class DatabaseUnavailableTests
{
    // A port nobody listens on: taken from the OS, then released.
    private static readonly int ClosedPort = FreePort();

    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["ActivityWatch:Postgres:ConnectionString"] = $"Host=127.0.0.1;Port={ClosedPort};Database=activitywatch;Username=activitywatch;Password=activitywatch;Timeout=5",
    };

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public static TheoryData<string[]> Commands() => new()
    {
        new[] { "timeline" },
        new[] { "status" },
        new[] { "alerts", "list" },
        new[] { "quarantine", "list" },
        new[] { "apikeys", "list" },
        new[] { "report", "mfa" },
        new[] { "permissions", "unused" },
        new[] { "ingest", Directory.CreateTempSubdirectory("aw-db-down-").FullName },
        new[] { "serve", "--urls", $"http://127.0.0.1:{FreePort()}" },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task EveryCommand_DatabaseDown_OneLineWithTheServerAndTheFix(string[] args)
    {
        var (exitCode, output, error) = await CliRun.RunAsync(Settings, args);

        Assert.Equal(ExitCodes.DatabaseUnavailable, exitCode);
        Assert.Equal("", output.Trim());
        var line = Assert.Single(error.TrimEnd().Split('\n'));
        Assert.Equal($"error: PostgreSQL at 127.0.0.1:{ClosedPort} (database activitywatch) does not answer: " +
                     "start it with `scripts/postgres.sh start`, or point ActivityWatch__Postgres__ConnectionString at a running server", line);
    }

    [Fact]
    public async Task AsAProcess_DatabaseDown_TheTerminalGetsOneLineAndNoStackTrace()
    {
        var environment = CliProcess.Environment(Settings);

        var (exitCode, output, error) = await CliProcess.RunAsync(environment, "timeline", "--limit", "5");

        Assert.Equal(ExitCodes.DatabaseUnavailable, exitCode);
        Assert.Equal("", output);
        var line = Assert.Single(error.TrimEnd().Split('\n'));
        Assert.StartsWith($"error: PostgreSQL at 127.0.0.1:{ClosedPort} (database activitywatch) does not answer", line);
    }

    [Fact]
    public async Task WrongPassword_SaysTheLoginWasRefused()
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(Testing.TestDatabase.ConnectionString) { Password = "not-the-password" };

        var (exitCode, _, error) = await CliRun.RunAsync(new Dictionary<string, string?> { ["ActivityWatch:Postgres:ConnectionString"] = builder.ConnectionString }, "alerts", "list");

        Assert.Equal(ExitCodes.DatabaseUnavailable, exitCode);
        var line = Assert.Single(error.TrimEnd().Split('\n'));
        Assert.Contains($"PostgreSQL at {builder.Host}:{builder.Port}", line);
        Assert.Contains("refused the login", line);
    }
}
