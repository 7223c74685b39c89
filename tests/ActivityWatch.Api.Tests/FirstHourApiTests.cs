using System.Net;
using System.Text.Json;
using ActivityWatch.Api.Tests.Support;
using ActivityWatch.Api.Timeline;
using ActivityWatch.Monitoring.Audit;
using ActivityWatch.Testing.Records;

namespace ActivityWatch.Api.Tests;

/// <summary>
/// The API on history that ended weeks ago (TimelineData: 2 November 2026): defaults that hold
/// data, the data's extent, names that match ARNs, unknown fields listed, whole-result exports.
/// </summary>
public class FirstHourApiTests(TimelineData server) : IClassFixture<TimelineData>
{
    private static readonly DateTimeOffset Newest = TimelineData.Day.AddHours(9);
    private static readonly string Alice = $"arn:aws:iam::{CloudTrailRecords.Account}:user/alice";
    private static readonly string Range = $"since={Uri.EscapeDataString(TimelineData.Day.ToString("O"))}&until={Uri.EscapeDataString(TimelineData.Day.AddDays(1).ToString("O"))}";

    private async Task<JsonElement> GetAsync(string path)
    {
        using var client = server.Client(AnalystRoles.Viewer);
        return await client.GetJsonAsync(path);
    }

    private static List<string?> Principals(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("principal").GetString()).ToList();

    [Fact]
    public async Task Timeline_NoRange_IsThe24HoursUpToTheNewestStoredEvent()
    {
        var page = await GetAsync("/api/timeline?limit=500");

        Assert.Equal("NewestEvent", page.GetProperty("rangeBasis").GetString());
        Assert.Equal(Newest.AddSeconds(1), page.GetProperty("until").GetDateTimeOffset());
        Assert.Equal(Newest.AddSeconds(1).AddDays(-1), page.GetProperty("since").GetDateTimeOffset());
        Assert.Equal(34, page.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Extent_IsTheOldestAndNewestStoredEvent()
    {
        var extent = await GetAsync("/api/timeline/extent");

        Assert.Equal(TimelineData.Day, extent.GetProperty("oldest").GetDateTimeOffset());
        Assert.Equal(Newest, extent.GetProperty("newest").GetDateTimeOffset());
    }

    [Fact]
    public async Task Principals_NoRange_IsTheWeekUpToTheNewestStoredEvent()
    {
        var principals = await GetAsync("/api/principals");

        Assert.Contains(principals.EnumerateArray(), p => p.GetProperty("principal").GetString() == Alice);
    }

    [Fact]
    public async Task Profile_NoRange_EndsAtThePrincipalsOwnNewestEvent()
    {
        var page = await GetAsync("/api/principals/profile?days=1&principal=" + Uri.EscapeDataString(Alice));
        var profile = page.GetProperty("profile");

        // Alice's newest record is the CreateUser at 07:00.
        Assert.Equal(TimelineData.Day.AddHours(7).AddSeconds(1), profile.GetProperty("until").GetDateTimeOffset());
        Assert.Equal(32, profile.GetProperty("events").GetInt64());
    }

    [Theory]
    [InlineData("principal:alice", 32)]
    [InlineData("user:alice", 32)]
    [InlineData("principal:ALICE", 32)]
    [InlineData("principal:Deployer", 2)]
    [InlineData("principal:ci-run-42", 2)]
    [InlineData("principal:ali", 0)]
    [InlineData("principal:*ali*", 32)]
    public async Task BareName_MatchesTheNamePartOfTheArnOrTheSession(string query, int expected)
    {
        var page = await GetAsync($"/api/timeline?{Range}&limit=500&q={Uri.EscapeDataString(query)}");

        Assert.Equal(expected, page.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task UnknownField_Answers400ListingTheKnownFields()
    {
        using var client = server.Client(AnalystRoles.Viewer);

        using var response = await client.GetAsync($"/api/timeline?q={Uri.EscapeDataString("usr:chen")}");
        var problem = await response.ReadAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, problem.GetProperty("position").GetInt32());
        Assert.Contains("unknown field 'usr'", problem.GetProperty("reason").GetString());
        var fields = problem.GetProperty("fields").EnumerateArray().Select(f => f.GetString()).ToList();
        Assert.Contains("principal", fields);
        Assert.Contains("sourceIp", fields);
    }

    [Fact]
    public async Task OrderOldest_StartsAtTheOldestAndPagesForward()
    {
        var first = await GetAsync($"/api/timeline?{Range}&limit=20&order=oldest");
        var second = await GetAsync($"/api/timeline?{Range}&limit=20&order=oldest&cursor={Uri.EscapeDataString(first.GetProperty("nextCursor").GetString()!)}");

        var times = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray())
            .Select(i => i.GetProperty("eventTime").GetDateTimeOffset()).ToList();
        Assert.Equal(34, times.Count);
        Assert.Equal(TimelineData.Day, times[0]);
        Assert.Equal(times.Order(), times);
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("ndjson")]
    [InlineData("json")]
    public async Task Export_StreamsEveryMatchingRecord_NotOnePage(string format)
    {
        using var client = server.Client(AnalystRoles.Viewer);

        using var response = await client.GetAsync($"/api/timeline/export?{Range}&format={format}&q={Uri.EscapeDataString("principal:alice")}");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("32", response.Headers.GetValues(TimelineExport.RowsHeader).Single());
        Assert.Equal("false", response.Headers.GetValues(TimelineExport.TruncatedHeader).Single());
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        var rows = format switch
        {
            "csv" => body.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length - 1,
            "ndjson" => body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l)).Count(),
            _ => JsonDocument.Parse(body).RootElement.GetArrayLength(),
        };
        Assert.Equal(32, rows);
    }

    [Fact]
    public async Task Export_ByAnUnauthenticatedCaller_IsRefused()
    {
        using var client = server.Client();

        using var response = await client.GetAsync($"/api/timeline/export?{Range}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x/\")", "\"'=HYPERLINK(\"\"http://x/\"\")\"")]
    [InlineData("+1", "'+1")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("aws-cli/2.15.0", "aws-cli/2.15.0")]
    [InlineData("a,b", "\"a,b\"")]
    public void CsvCell_KeepsFormulasText(string value, string expected) => Assert.Equal(expected, TimelineExport.CsvCell(value));
}
