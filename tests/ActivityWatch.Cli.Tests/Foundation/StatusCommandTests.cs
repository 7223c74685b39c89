using System.Text.Json;
using ActivityWatch.Simulation;
using ActivityWatch.Testing;

namespace ActivityWatch.Cli.Tests.Foundation;

/// <summary>`status` adds a section on log file integrity: per trail (account, region), the last hour verified.</summary>
public sealed class StatusCommandTests
{
    [Fact]
    public async Task Status_ShowsTheLastVerifiedHourPerTrail_AndTheFindings()
    {
        var dir = Directory.CreateTempSubdirectory("aw-cli-status-");
        try
        {
            var options = new SimulationOptions { Days = 1, Principals = 3, IncludeS3AccessLogs = false, Regions = ["us-east-1"] };
            await new ActivitySimulator(options).WriteAsync(dir.FullName, CancellationToken.None);
            var deleted = Directory.EnumerateFiles(dir.FullName, "111122223333_CloudTrail_us-east-1_*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ElementAt(30);
            File.Delete(deleted);
            await using var host = await TestHost.StartAsync(nameof(Status_ShowsTheLastVerifiedHourPerTrail_AndTheFindings));
            await host.IngestFilesAsync(dir.FullName);

            var (exitCode, output, error) = await CliRun.RunAsync(host, "status", "--format", "json");
            var (_, text, _) = await CliRun.RunAsync(host, "status");

            Assert.True(exitCode == 0, error);
            var trails = JsonDocument.Parse(output).RootElement.EnumerateArray()
                .Where(e => e.GetProperty("type").GetString() == "trail-integrity").ToDictionary(e => e.GetProperty("accountId").GetString()!);
            Assert.Equal(["111122223333", "444455556666"], trails.Keys.Order());
            var clean = trails["444455556666"];
            Assert.Equal(options.End.AddSeconds(31), clean.GetProperty("verifiedThrough").GetDateTimeOffset());
            Assert.Equal(0, clean.GetProperty("findings").GetInt64());
            Assert.Equal("arn:aws:cloudtrail:us-east-1:444455556666:trail/" + clean.GetProperty("trailName").GetString(), clean.GetProperty("source").GetString());
            var tampered = trails["111122223333"];
            Assert.Equal(1, tampered.GetProperty("findings").GetInt64());
            Assert.Equal(1, tampered.GetProperty("failed").GetInt64());
            Assert.StartsWith("log-file-missing: AWSLogs/111122223333/CloudTrail/us-east-1/", tampered.GetProperty("lastFinding").GetString());
            Assert.Contains("Log file integrity", text);
            Assert.Contains($"{options.End:yyyy-MM-dd HH:mm} UTC", text);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
