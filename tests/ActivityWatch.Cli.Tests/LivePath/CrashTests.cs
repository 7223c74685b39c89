using System.Diagnostics;
using ActivityWatch.Monitoring.LivePath;
using ActivityWatch.Monitoring.Store;
using ActivityWatch.Testing;
using Npgsql;

namespace ActivityWatch.Cli.Tests.LivePath;

/// <summary>
/// kill -9 at any moment loses and repeats nothing: `activitywatch ingest` (parsing, storing and the
/// daemon in one process) is killed at random moments, then run to completion, and every view equals
/// both the fold of the stored events and the views of a run that was never interrupted.
/// scripts/soak.sh runs the long version (more kills, `watch`, PostgreSQL restarts).
/// </summary>
[Collection(AlertsCliCollection.Name)]
public sealed class CrashTests(SampleLogs logs) : IClassFixture<SampleLogs>
{
    private static readonly string Cli = Path.Combine(AppContext.BaseDirectory, "activitywatch.dll");

    [Fact]
    public async Task IngestKilledAtRandomMoments_ThenRunToCompletion_EqualsARunNeverInterrupted()
    {
        await using var clean = await TestHost.StartAsync("crash-clean");
        await clean.IngestFilesAsync(logs.Folder);
        var expected = await ViewSnapshot.TakeAsync(clean);

        var schema = TestDatabase.NewSchema("crash");
        var random = new Random(12);
        var killedAfter = new List<int>();
        for (var kill = 0; kill < 4; kill++)
        {
            using var ingest = Start(schema, "ingest", logs.Folder);
            // The first run is killed once it is storing records (a fast machine finishes the whole day
            // in a few seconds), the later ones at random during start-up, catch-up or the daemon's pages.
            if (kill == 0) await FirstEventsStoredAsync(schema, ingest);
            var delay = kill == 0 ? random.Next(100, 2_000) : random.Next(1_500, 7_000);
            if (ingest.WaitForExit(delay)) continue;
            ingest.Kill(entireProcessTree: true);   // SIGKILL: no shutdown, no flush
            await ingest.WaitForExitAsync();
            killedAfter.Add(delay);
        }
        using (var last = Start(schema, "ingest", logs.Folder))
        {
            await last.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(10));
            Assert.True(last.ExitCode == 0, $"exit {last.ExitCode}");
        }

        Assert.NotEmpty(killedAfter);
        await using var reader = await TestHost.StartAsync("crash", DaemonRole.Disabled, schema: schema);
        var verification = await reader.Get<ViewVerifier>().VerifyAsync(CancellationToken.None);
        Assert.True(verification.Clean, $"killed after {string.Join(", ", killedAfter)} ms, holes {verification.Holes}, dead-lettered {verification.DeadLetteredEvents}, failures {verification.ProjectionFailureCount}; " + string.Join("; ", verification.Views.Where(v => v.Differences > 0)
            .Select(v => $"{v.View}: {v.Differences}, e.g. {string.Join(" | ", v.Examples.Take(2).Select(d => $"{d.Key}: recomputed {d.Expected}, stored {d.Stored}"))}")));
        Assert.Equal(verification.NewestSequence, verification.ProcessedSequence);
        var snapshot = await ViewSnapshot.TakeAsync(reader);
        Assert.True(expected.SequenceEqual(snapshot), $"killed after {string.Join(", ", killedAfter)} ms: {ViewSnapshot.Difference(expected, snapshot)}");
        Assert.Equal(await clean.SqlAsync("SELECT count(*) FROM {schema}.aw_timeline"), await reader.SqlAsync("SELECT count(*) FROM {schema}.aw_timeline"));
    }

    private static async Task FirstEventsStoredAsync(string schema, Process ingest)
    {
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync();
        while (!ingest.HasExited)
        {
            await using var command = new NpgsqlCommand($"SELECT EXISTS (SELECT 1 FROM {schema}.mt_events)", connection);
            try
            {
                if ((bool)(await command.ExecuteScalarAsync())!) return;
            }
            catch (PostgresException)
            {
                // The child has not created its tables yet: look again.
            }
            await Task.Delay(50);
        }
    }

    private static Process Start(string schema, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Cli);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["ActivityWatch__Postgres__ConnectionString"] = TestDatabase.ConnectionString;
        start.Environment["ActivityWatch__Postgres__Schema"] = schema;
        var process = Process.Start(start) ?? throw new InvalidOperationException("activitywatch did not start");
        // Drain both pipes so the child never blocks on a full one (alerts are logged to stderr).
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        return process;
    }
}
