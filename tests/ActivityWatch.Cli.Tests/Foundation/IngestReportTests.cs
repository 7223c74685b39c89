using System.Text.Json;
using ActivityWatch.Cli.Errors;
using ActivityWatch.Monitoring.Store;
using ActivityWatch.Testing;
using ActivityWatch.Testing.Records;

namespace ActivityWatch.Cli.Tests.Foundation;

/// <summary>
/// `ingest` as a person sees it: a progress bar, a summary that counts the alerts it raised by
/// severity (no alert log lines on the terminal), and `status` and `quarantine list` that say what happened.
/// </summary>
[Collection(AlertsCliCollection.Name)]
public sealed class IngestReportTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);
    private TestHost _host = null!;
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("aw-ingest-report-");

    // The CLI's own daemon raises the alerts; the anomaly model is off so only the rules below fire.
    private Dictionary<string, string?> Cli => new(_host.Settings.Where(s => s.Key != $"{ProjectionOptions.Section}:Daemon"))
    {
        ["ActivityWatch:Anomaly:Enabled"] = "false",
    };

    public async Task InitializeAsync() => _host = await TestHost.StartAsync(nameof(IngestReportTests), DaemonRole.Disabled);

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _dir.Delete(recursive: true);
    }

    private async Task<string> TrailFileAsync(string name, params string[] records)
    {
        var file = Path.Combine(_dir.FullName, name);
        await File.WriteAllTextAsync(file, "{\"Records\":[" + string.Join(",", records) + "]}");
        return file;
    }

    [Fact]
    public async Task OnATerminal_DrawsProgress_AndSumsUpTheAlertsRaisedBySeverity()
    {
        var file = await TrailFileAsync("alerts.json",
            CloudTrailRecords.RootCall("ListUsers", time: Monday),
            CloudTrailRecords.ConsoleLogin("bob", mfaUsed: "No", time: Monday.AddMinutes(5)),
            CloudTrailRecords.IamUserCall("ListBuckets", "bob", time: Monday.AddMinutes(6)));

        var (exitCode, output, error) = await CliRun.RunAsync(Cli, isTerminal: true, "ingest", file);

        Assert.Equal(ExitCodes.Ok, exitCode);
        Assert.Matches(@"\[#{30}\] 1/1 files, 3 records, 0 rejected", error);
        Assert.Matches(@"\[#{30}\] detections and views: [\d,]+/[\d,]+ events", error);
        Assert.Contains("records     3", output);
        Assert.EndsWith("2 alerts raised: 1 high, 1 medium: see `activitywatch alerts list`", output.TrimEnd());

        var (_, json, _) = await CliRun.RunAsync(Cli, "ingest", "--reread", file, "--format", "json");
        var raised = JsonDocument.Parse(json).RootElement.GetProperty("alertsRaised");
        Assert.Equal(0, raised.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task AsAProcess_AlertsGoToTheSummary_NotToTheTerminalAsLogLines()
    {
        var file = await TrailFileAsync("process.json",
            CloudTrailRecords.RootCall("GetAccountSummary", time: Monday.AddHours(3)),
            CloudTrailRecords.RootCall("ListRoles", time: Monday.AddHours(5)));

        var (exitCode, output, error) = await CliProcess.RunAsync(CliProcess.Environment(Cli), "ingest", file);

        Assert.True(exitCode == ExitCodes.Ok, error);
        Assert.DoesNotContain("Alert raised", error);
        Assert.DoesNotContain("LogAlertConsumer", error);
        Assert.Equal("", error.Trim());
        Assert.Contains("alert", output);
        Assert.Matches(@"\d+ alerts? raised: \d+ high", output);
    }

    [Fact]
    public async Task Status_AfterALocalIngest_ShowsTheFilesAndTheSpanOfTheEvents()
    {
        var file = await TrailFileAsync("status.json",
            CloudTrailRecords.IamUserCall("ListBuckets", "carol", time: Monday.AddDays(1)),
            CloudTrailRecords.IamUserCall("GetObject", "carol", time: Monday.AddDays(1).AddHours(2)));
        await CliRun.RunAsync(Cli, "ingest", "--no-wait", file);

        var (exitCode, table, _) = await CliRun.RunAsync(Cli, "status");
        var (_, json, _) = await CliRun.RunAsync(Cli, "status", "--format", "json");

        Assert.Equal(ExitCodes.Ok, exitCode);
        Assert.DoesNotContain("No sources configured or seen yet", table);
        Assert.Matches(@"Local files: \d+ log files \(0 digest files skipped\), \d+ records read, \d+ stored, 0 quarantined; last read \d{4}-\d\d-\d\d \d\d:\d\d UTC", table);
        Assert.Contains("AWS sources: none configured or seen yet", table);
        var files = Assert.Single(JsonDocument.Parse(json).RootElement.EnumerateArray(), s => s.GetProperty("type").GetString() == "files");
        Assert.True(files.GetProperty("objects").GetInt64() >= 1);
        Assert.True(files.GetProperty("records").GetInt64() >= 2);
        Assert.Matches(@"Stored events: 2026-11-\d\d \d\d:\d\d to 2026-11-\d\d \d\d:\d\d UTC", table);
    }

    [Fact]
    public async Task EmptyQuarantine_SaysThereIsNothingAndWhy()
    {
        var (exitCode, output, _) = await CliRun.RunAsync(Cli, "quarantine", "list");

        Assert.Equal(ExitCodes.Ok, exitCode);
        Assert.Equal("no quarantined records: every record read so far was stored", output.TrimEnd());
    }
}
