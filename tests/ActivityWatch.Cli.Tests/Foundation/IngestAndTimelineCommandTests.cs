using System.Text.Json;
using ActivityWatch.Cli.Commands;
using ActivityWatch.Testing;
using ActivityWatch.Testing.Records;

namespace ActivityWatch.Cli.Tests.Foundation;

public sealed class IngestAndTimelineCommandTests : IAsyncLifetime
{
    private TestHost _host = null!;
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("aw-cli-");

    public async Task InitializeAsync() => _host = await TestHost.StartAsync(nameof(IngestAndTimelineCommandTests));

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _dir.Delete(recursive: true);
    }

    [Fact]
    public async Task Ingest_NothingToReadOnANewStore_PrintsAnEmptySummaryAndExitsZero()
    {
        // Waiting for projections on a store with no events used to fail ("No event activity was detected").
        var empty = Directory.CreateDirectory(Path.Combine(_dir.FullName, "empty")).FullName;

        var (exitCode, output, error) = await CliRun.RunAsync(_host, "ingest", empty, "--format", "json");

        Assert.True(exitCode == 0, error);
        var summary = JsonDocument.Parse(output).RootElement;
        Assert.Equal(0, summary.GetProperty("files").GetInt32());
        Assert.Equal(0, summary.GetProperty("records").GetInt64());
    }

    [Fact]
    public async Task Ingest_FormatJson_PrintsTheSummaryObject()
    {
        var file = Path.Combine(_dir.FullName, "trail.json");
        await File.WriteAllTextAsync(file, "{\"Records\":[" + CloudTrailRecords.IamUserCall("ListBuckets") + "," + CloudTrailRecords.ConsoleLogin() + "]}");

        var (exitCode, output, _) = await CliRun.RunAsync(_host, "ingest", file, "--format", "json");

        Assert.Equal(0, exitCode);
        var summary = JsonDocument.Parse(output).RootElement;
        Assert.Equal(1, summary.GetProperty("files").GetInt32());
        Assert.Equal(2, summary.GetProperty("records").GetInt64());
        Assert.Equal(2, summary.GetProperty("ingested").GetInt64());
        Assert.Equal(0, summary.GetProperty("duplicates").GetInt64());
        Assert.Equal(0, summary.GetProperty("rejected").GetInt64());
        Assert.Equal(0, summary.GetProperty("digestFilesSkipped").GetInt32());
        Assert.True(summary.GetProperty("seconds").GetDouble() >= 0);
    }

    [Fact]
    public async Task Ingest_WithBadRecords_ExitsWithTheRejectedCode_AndPointsToTheQuarantine()
    {
        var file = Path.Combine(_dir.FullName, "bad.jsonl");
        await File.WriteAllTextAsync(file, CloudTrailRecords.IamUserCall("ListBuckets") + "\n{not json\n");

        var (exitCode, _, error) = await CliRun.RunAsync(_host, "ingest", file);
        var (_, quarantine, _) = await CliRun.RunAsync(_host, "quarantine", "list", "--format", "json");

        Assert.Equal(IngestCommand.ExitRejected, exitCode);
        Assert.Contains("quarantine", error);
        var entry = Assert.Single(JsonDocument.Parse(quarantine).RootElement.EnumerateArray());
        Assert.Equal(Path.GetFullPath(file), entry.GetProperty("sourceObject").GetString());
        Assert.Equal(2, entry.GetProperty("line").GetInt64());
    }

    [Fact]
    public async Task Timeline_FormatJson_ItemsCarryTheDocumentedFields()
    {
        await _host.IngestCloudTrailAsync(CloudTrailRecords.IamUserCall("DeleteBucket", "dave", errorCode: "AccessDenied", mfa: false, eventId: "ev-cli-1"));

        var (exitCode, output, _) = await CliRun.RunAsync(_host, "timeline", "--principal", "arn:aws:iam::123456789012:user/dave", "--format", "json");

        Assert.Equal(0, exitCode);
        var item = Assert.Single(JsonDocument.Parse(output).RootElement.EnumerateArray());
        Assert.Equal("ev-cli-1", item.GetProperty("eventId").GetString());
        Assert.Equal("arn:aws:iam::123456789012:user/dave", item.GetProperty("principal").GetString());
        Assert.Equal("IAMUser", item.GetProperty("identityType").GetString());
        Assert.Equal("123456789012", item.GetProperty("accountId").GetString());
        Assert.Equal("s3.amazonaws.com", item.GetProperty("eventSource").GetString());
        Assert.Equal("DeleteBucket", item.GetProperty("eventName").GetString());
        Assert.Equal("us-east-1", item.GetProperty("awsRegion").GetString());
        Assert.Equal("192.0.2.10", item.GetProperty("sourceIp").GetString());
        Assert.StartsWith("aws-cli/", item.GetProperty("userAgent").GetString());
        Assert.Equal("AccessDenied", item.GetProperty("errorCode").GetString());
        Assert.Equal("AKIAIOSFODNN7EXAMPLE", item.GetProperty("accessKeyId").GetString());
        Assert.False(item.GetProperty("mfa").GetBoolean());
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 8, 15, 3, TimeSpan.Zero), item.GetProperty("eventTime").GetDateTimeOffset());
    }

    [Theory]
    [InlineData("ingest")]
    [InlineData("timeline")]
    [InlineData("quarantine")]
    [InlineData("simulate")]
    public async Task EveryCommand_HasHelp(string command)
    {
        var (exitCode, output, _) = await CliRun.RunAsync(_host, command, "--help");

        Assert.Equal(0, exitCode);
        Assert.Contains("Usage:", output);
    }
}
