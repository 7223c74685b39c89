using System.IO.Compression;
using System.Text;
using ActivityWatch.Monitoring.Integrity;
using ActivityWatch.Simulation;
using ActivityWatch.Testing;

namespace ActivityWatch.Ingestion.Tests.Integrity;

/// <summary>The generator's logs verify clean, as a trail with log file validation on; tampering with them does not.</summary>
public sealed class SampleWeekIntegrityTests : IAsyncLifetime
{
    private static readonly SimulationOptions Day = new() { Days = 1, Principals = 4, IncludeS3AccessLogs = false };
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("aw-sample-integrity-");

    public Task InitializeAsync() => new ActivitySimulator(Day).WriteAsync(_dir.FullName, CancellationToken.None);

    public Task DisposeAsync()
    {
        _dir.Delete(recursive: true);
        return Task.CompletedTask;
    }

    private List<string> LogFiles(string region) => Directory.EnumerateFiles(_dir.FullName, "*_CloudTrail_*", SearchOption.AllDirectories)
        .Where(f => f.Contains($"/CloudTrail/{region}/", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public async Task SimulatedDay_VerifiesClean_EveryTrailThroughItsLastHour()
    {
        await using var host = await TestHost.StartAsync(nameof(SimulatedDay_VerifiesClean_EveryTrailThroughItsLastHour));

        var summary = await host.IngestFilesAsync(_dir.FullName);

        Assert.Equal(0, summary.IntegrityFindings);
        Assert.Empty(await host.AlertsAsync(IntegrityAlerts.RuleId));
        var trails = await host.Get<IntegrityStatusQueries>().ListAsync(CancellationToken.None);
        Assert.Equal(Day.Accounts.Count * Day.Regions.Count, trails.Count);
        Assert.All(trails, t =>
        {
            Assert.Equal(0, t.Failed);
            Assert.Equal(0, t.Findings);
            Assert.Equal(t.Digests, t.Verified);
            Assert.Equal(Day.End.AddSeconds(31), t.VerifiedThrough);
        });
        // Every hour has its digest once a region's chain has started.
        Assert.All(trails.Where(t => t.Region == Day.Regions[0]), t => Assert.Equal(24, t.Digests));
    }

    [Fact]
    public async Task SimulatedDay_WithAFileTamperedAndOneDeleted_RaisesTheIntegrityAlerts()
    {
        var files = LogFiles(Day.Regions[0]);
        var tampered = files[files.Count / 3];
        var deleted = files[2 * files.Count / 3];
        string text;
        using (var gzip = new GZipStream(File.OpenRead(tampered), CompressionMode.Decompress))
        using (var reader = new StreamReader(gzip)) text = await reader.ReadToEndAsync();
        // Someone covering their tracks changes where a call came from.
        var edited = System.Text.RegularExpressions.Regex.Replace(text, "\"sourceIPAddress\":\"[^\"]*\"", "\"sourceIPAddress\":\"203.0.113.250\"");
        Assert.NotEqual(text, edited);
        await using (var output = new GZipStream(File.Create(tampered), CompressionLevel.Fastest)) await output.WriteAsync(Encoding.UTF8.GetBytes(edited));
        File.Delete(deleted);
        await using var host = await TestHost.StartAsync(nameof(SimulatedDay_WithAFileTamperedAndOneDeleted_RaisesTheIntegrityAlerts));

        var summary = await host.IngestFilesAsync(_dir.FullName);

        Assert.Equal(2, summary.IntegrityFindings);
        var evidence = (await host.AlertsAsync(IntegrityAlerts.RuleId)).SelectMany(a => a.EventIds).ToList();
        Assert.Equal(2, evidence.Count);
        Assert.Contains(evidence, id => id.StartsWith($"integrity:{IntegrityFindingKinds.LogFileModified}|", StringComparison.Ordinal) && tampered.EndsWith(id.Split('|')[1], StringComparison.Ordinal));
        Assert.Contains(evidence, id => id == $"integrity:{IntegrityFindingKinds.LogFileMissing}|{deleted[(deleted.IndexOf("AWSLogs/", StringComparison.Ordinal))..]}");
        var trails = await host.Get<IntegrityStatusQueries>().ListAsync(CancellationToken.None);
        Assert.Equal(2, trails.Sum(t => t.Failed));
    }
}
