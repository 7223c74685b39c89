using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;
using ActivityWatch.Monitoring.Store;
using ActivityWatch.Testing;
using ActivityWatch.Testing.Records;

namespace ActivityWatch.Cli.Tests.Scripts;

/// <summary>
/// scripts/start.sh end to end on a small log folder (with this build's CLI, ACTIVITYWATCH_CLI):
/// once the console answers it prints the address and a sign-in that works; on the first run that
/// is an admin key it created, on later runs the command to make one.
/// </summary>
[Collection(AlertsCliCollection.Name)]
public sealed class StartScriptTests : IAsyncLifetime
{
    private readonly DirectoryInfo _logs = Directory.CreateTempSubdirectory("aw-start-");
    private TestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await TestHost.StartAsync(nameof(StartScriptTests), DaemonRole.Disabled);
        var time = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
        await File.WriteAllTextAsync(Path.Combine(_logs.FullName, "trail.json"),
            "{\"Records\":[" + CloudTrailRecords.IamUserCall("ListBuckets", time: time) + "," + CloudTrailRecords.RootCall("ListUsers", time: time.AddMinutes(1)) + "]}");
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _logs.Delete(recursive: true);
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>Runs start.sh until it has printed its sign-in block, runs <paramref name="whileUp"/> against its console, then stops it.</summary>
    private async Task<List<string>> RunUntilSignInAsync(Func<List<string>, string, Task>? whileUp = null)
    {
        var url = $"http://127.0.0.1:{FreePort()}";
        var environment = _host.Settings.Where(s => s.Key != $"{ProjectionOptions.Section}:Daemon")
            .ToDictionary(s => s.Key.Replace(":", "__"), s => s.Value);
        environment["ActivityWatch__Api__Urls"] = url;
        environment["ActivityWatch__Anomaly__Enabled"] = "false";
        environment["ACTIVITYWATCH_CLI"] = Path.Combine(AppContext.BaseDirectory, "activitywatch");
        using var process = Process.Start(ScriptRun.Start("start.sh", environment, _logs.FullName))!;
        var lines = new List<string>();
        var errors = process.StandardError.ReadToEndAsync();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                lines.Add(line);
                if (line.Contains("Ctrl+C stops it")) break;
            }
            Assert.True(lines.Any(l => l.Contains("Ctrl+C stops it")), string.Join("\n", lines));
            if (whileUp is not null) await whileUp(lines, url);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        _ = await errors;
        return lines;
    }

    [Fact]
    public async Task FirstRun_PrintsTheConsoleAddressAndAnAdminKeyThatSignsIn_LaterRunsPrintTheCommand()
    {
        await RunUntilSignInAsync(async (lines, url) =>
        {
            Assert.Contains(lines, l => l == $"== the console answers: {url}/");
            var key = lines[lines.FindIndex(l => l.Contains("sign in with this admin key")) + 1].Trim();
            Assert.StartsWith("aw_", key);
            using var client = new HttpClient { BaseAddress = new Uri(url) };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
            using var me = await client.GetAsync("/api/me");
            Assert.Equal(HttpStatusCode.OK, me.StatusCode);
            Assert.Equal("admin", JsonDocument.Parse(await me.Content.ReadAsStringAsync()).RootElement.GetProperty("role").GetString());
        });

        var again = await RunUntilSignInAsync();

        Assert.DoesNotContain(again, l => l.Contains("sign in with this admin key"));
        Assert.Contains(again, l => l.Contains("sign in with your API key; to make one: scripts/activitywatch apikeys create --name NAME --role admin"));
        var (_, keys, _) = await Foundation.CliRun.RunAsync(_host, "apikeys", "list", "--format", "json");
        Assert.Single(JsonDocument.Parse(keys).RootElement.EnumerateArray());
    }
}
