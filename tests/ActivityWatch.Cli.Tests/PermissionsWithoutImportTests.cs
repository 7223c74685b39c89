using System.Text.Json;
using ActivityWatch.Cli.Tests.Foundation;
using ActivityWatch.Testing;
using ActivityWatch.Testing.Records;

namespace ActivityWatch.Cli.Tests;

/// <summary>Before any IAM import the permissions commands say what is missing and how to get it, and claim nothing they do not know.</summary>
public sealed class PermissionsWithoutImportTests : IAsyncLifetime
{
    private const string Alice = "arn:aws:iam::123456789012:user/alice";
    private TestHost _host = null!;
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("aw-noimport-");

    public async Task InitializeAsync()
    {
        _host = await TestHost.StartAsync(nameof(PermissionsWithoutImportTests));
        var trail = Path.Combine(_dir.FullName, "trail.json");
        await File.WriteAllTextAsync(trail, "{\"Records\":[" + string.Join(",",
            CloudTrailRecords.IamUserCall("ListBuckets", time: DateTimeOffset.UtcNow.AddDays(-2)),
            CloudTrailRecords.RootCall("GetAccountSummary", time: DateTimeOffset.UtcNow.AddDays(-1))) + "]}");
        var (exitCode, _, error) = await CliRun.RunAsync(_host, "ingest", trail);
        Assert.True(exitCode is 0, error);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _dir.Delete(recursive: true);
    }

    [Fact]
    public async Task Unused_WithoutAnImport_SaysNothingIsKnownAndHowToImport()
    {
        var (exitCode, output, _) = await CliRun.RunAsync(_host, "permissions", "unused", "--format", "json");

        Assert.Equal(0, exitCode);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Empty(json.GetProperty("findings").EnumerateArray());
        var note = Assert.Single(json.GetProperty("activityWatch").GetProperty("notes").EnumerateArray()).GetString()!;
        Assert.Contains("aws iam get-account-authorization-details > auth.json", note);
        Assert.Contains("activitywatch permissions import auth.json", note);
    }

    [Fact]
    public async Task Report_WithoutAnImport_ClaimsNoGrantNorUnusedAction()
    {
        var (exitCode, output, _) = await CliRun.RunAsync(_host, "permissions", "report", "--principal", Alice);
        var (_, json, _) = await CliRun.RunAsync(_host, "permissions", "report", "--principal", Alice, "--format", "json");

        Assert.Equal(0, exitCode);
        Assert.Contains("Nothing is known to be granted", output);
        Assert.Contains("get-account-authorization-details", output);
        var report = JsonDocument.Parse(json).RootElement;
        Assert.False(report.GetProperty("grantsKnown").GetBoolean());
        Assert.Empty(report.GetProperty("usedButNotGranted").EnumerateArray());
        Assert.Equal(1, report.GetProperty("actionsUsed").GetInt32());
    }

    [Fact]
    public async Task Policy_ForRoot_IsRefusedWithTheReason()
    {
        var (exitCode, output, error) = await CliRun.RunAsync(_host, "permissions", "policy", "--principal", "arn:aws:iam::123456789012:root");

        Assert.Equal(2, exitCode);
        Assert.Equal("", output.Trim());
        Assert.Contains("root user gets no generated policy", error);
    }

    [Fact]
    public async Task Simulate_WritesEachAccountsAuthorizationDetails_WhichImport()
    {
        var logs = Path.Combine(_dir.FullName, "sample");
        var (exitCode, _, error) = await CliRun.RunAsync(_host, "simulate", "--days", "1", "--principals", "3", "--seed", "2", "--out", logs);
        Assert.True(exitCode == 0, error);

        var iam = logs + "-iam";
        var capturedAt = (await File.ReadAllTextAsync(Path.Combine(iam, "captured-at"))).Trim();
        var files = Directory.GetFiles(iam, "*.json").Order().ToArray();
        Assert.Equal(2, files.Length);
        Assert.Empty(Directory.GetFiles(logs, "*.json", SearchOption.TopDirectoryOnly));
        foreach (var file in files)
        {
            var (imported, output, importError) = await CliRun.RunAsync(_host, "permissions", "import", file, "--captured-at", capturedAt, "--format", "json");
            Assert.True(imported == 0, importError);
            Assert.True(JsonDocument.Parse(output).RootElement.GetProperty("roles").GetInt32() >= 5);
        }
    }
}
