using System.Text.Json;
using ActivityWatch.Cli.Errors;
using ActivityWatch.Monitoring.Store;
using ActivityWatch.Testing;
using ActivityWatch.Testing.Records;

namespace ActivityWatch.Cli.Tests.Foundation;

/// <summary>`timeline` says how much it left out and pages with --cursor, either way round; an empty answer says why.</summary>
public sealed class TimelinePagingTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);
    private const string Dave = $"arn:aws:iam::{CloudTrailRecords.Account}:user/dave";
    private TestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await TestHost.StartAsync(nameof(TimelinePagingTests), DaemonRole.Disabled);
        var records = Enumerable.Range(0, 130).Select(i => CloudTrailRecords.IamUserCall("GetObject", "dave", time: Start.AddMinutes(i)))
            .Append(CloudTrailRecords.IamUserCall("ListBuckets", "erin", time: Start.AddHours(12)));
        await _host.IngestAsync("memory://paging.json", "{\"Records\":[" + string.Join(",", records) + "]}", waitForProjections: false);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static List<JsonElement> Items(string json) => JsonDocument.Parse(json).RootElement.EnumerateArray().ToList();

    [Fact]
    public async Task WithoutLimit_ShowsTheNewest100_AndSaysHowManyMatchAndHowToPage()
    {
        var (exitCode, output, error) = await CliRun.RunAsync(_host, "timeline", "--principal", Dave, "--format", "json");

        Assert.Equal(ExitCodes.Ok, exitCode);
        var items = Items(output);
        Assert.Equal(100, items.Count);
        Assert.Equal(Start.AddMinutes(129), items[0].GetProperty("eventTime").GetDateTimeOffset());
        var cursor = items[^1].GetProperty("cursor").GetString();
        Assert.Equal($"showing 100 of 130 events, newest first: --limit (up to 10,000) or --cursor {cursor} for more", error.TrimEnd());
    }

    [Fact]
    public async Task Cursor_ContinuesWhereThePageEnded_UntilTheLastPage()
    {
        var (_, first, _) = await CliRun.RunAsync(_host, "timeline", "--principal", Dave, "--format", "json");
        var cursor = Items(first)[^1].GetProperty("cursor").GetString()!;

        var (exitCode, second, error) = await CliRun.RunAsync(_host, "timeline", "--principal", Dave, "--format", "json", "--cursor", cursor);

        Assert.Equal(ExitCodes.Ok, exitCode);
        var ids = Items(first).Concat(Items(second)).Select(i => i.GetProperty("eventId").GetString()).ToList();
        Assert.Equal(130, ids.Distinct().Count());
        Assert.Equal(Start, Items(second)[^1].GetProperty("eventTime").GetDateTimeOffset());
        Assert.Equal("last page: 30 more events", error.TrimEnd());
    }

    [Fact]
    public async Task OldestFirst_StartsAtTheOldest_AndPagesForward()
    {
        var (_, first, error) = await CliRun.RunAsync(_host, "timeline", "--principal", Dave, "--oldest-first", "--limit", "50", "--format", "json");
        var cursor = Items(first)[^1].GetProperty("cursor").GetString()!;
        var (_, second, _) = await CliRun.RunAsync(_host, "timeline", "--principal", Dave, "--oldest-first", "--limit", "50", "--format", "json", "--cursor", cursor);

        Assert.Equal(Start, Items(first)[0].GetProperty("eventTime").GetDateTimeOffset());
        Assert.Contains("showing 50 of 130 events, oldest first", error);
        Assert.Equal(Start.AddMinutes(50), Items(second)[0].GetProperty("eventTime").GetDateTimeOffset());
    }

    [Fact]
    public async Task TableFormat_AllShown_PrintsNoPagingNote()
    {
        var (exitCode, output, error) = await CliRun.RunAsync(_host, "timeline", "--principal", $"arn:aws:iam::{CloudTrailRecords.Account}:user/erin");

        Assert.Equal(ExitCodes.Ok, exitCode);
        Assert.Contains("ListBuckets", output);
        Assert.Equal("", error);
    }

    [Fact]
    public async Task QueryByBareName_MatchesTheNamePartOfTheArn()
    {
        var (_, output, _) = await CliRun.RunAsync(_host, "timeline", "--query", "principal:erin", "--format", "json");

        var item = Assert.Single(Items(output));
        Assert.Equal($"arn:aws:iam::{CloudTrailRecords.Account}:user/erin", item.GetProperty("principal").GetString());
    }

    [Fact]
    public async Task NothingFound_SaysWhatIsStoredAndWhyNothingMatched()
    {
        var (exitCode, output, error) = await CliRun.RunAsync(_host, "timeline", "--principal", "dave", "--since", "2026-11-01");

        Assert.Equal(ExitCodes.Ok, exitCode);
        Assert.Equal("", output);
        Assert.Equal("no events match since 2026-11-01 00:00: stored events span 2026-11-02 08:00 to 2026-11-02 20:00 UTC; " +
                     "--principal takes a full ARN (arn:aws:iam::ACCOUNT:user/dave); --query 'principal:dave' also matches a bare user, role or session name",
            error.TrimEnd());
    }

    [Fact]
    public async Task NothingFound_AfterTheData_SaysSo()
    {
        var (_, _, error) = await CliRun.RunAsync(_host, "timeline", "--since", "2026-12-01");

        Assert.Contains("--since is after the newest stored event", error);
    }
}
