using ActivityWatch.Cli.Tests.Foundation;
using ActivityWatch.Testing;

namespace ActivityWatch.Cli.Tests.LivePath;

/// <summary>A generated day of a small organisation's logs (about 7,000 records in about 500 files), written once per test class.</summary>
public sealed class SampleLogs : IAsyncLifetime
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("aw-sample-").FullName;

    public async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string?> { ["ActivityWatch:Postgres:ConnectionString"] = TestDatabase.ConnectionString };
        var (exitCode, _, error) = await CliRun.RunAsync(settings, "simulate", "--days", "1", "--principals", "10", "--seed", "7", "--out", Folder);
        Assert.True(exitCode == 0, error);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Folder, recursive: true);
        return Task.CompletedTask;
    }
}
