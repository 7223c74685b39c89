using System.Net;
using System.Text.Json;
using ActivityWatch.Api.Tests.Support;
using ActivityWatch.Testing.Records;

namespace ActivityWatch.Api.Tests;

/// <summary>A small, fixed dataset: alice's S3 and IAM calls, a role's EC2 calls, and one call from a service address.</summary>
public sealed class TimelineData : ApiServer
{
    public static readonly DateTimeOffset Day = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var records = new List<string>();
        for (var i = 0; i < 30; i++)
            records.Add(CloudTrailRecords.IamUserCall("GetObject", time: Day.AddMinutes(10 * i), sourceIp: "203.0.113." + (i % 5 + 1)));
        records.Add(CloudTrailRecords.IamUserCall("DeleteBucket", time: Day.AddHours(6), sourceIp: "198.51.100.9", errorCode: "AccessDenied"));
        records.Add(CloudTrailRecords.IamUserCall("CreateUser", eventSource: "iam.amazonaws.com", time: Day.AddHours(7), mfa: true));
        records.Add(CloudTrailRecords.AssumedRoleCall("RunInstances", time: Day.AddHours(8)));
        records.Add(CloudTrailRecords.AssumedRoleCall("DescribeInstances", time: Day.AddHours(9), sourceIp: "ec2.amazonaws.com"));
        await IngestAsync([.. records]);
    }
}

public class TimelineApiTests(TimelineData server) : IClassFixture<TimelineData>
{
    private static readonly string Range = $"since={TimelineData.Day:O}&until={TimelineData.Day.AddDays(1):O}".Replace("+", "%2B");

    private async Task<JsonElement> SearchAsync(string parameters)
    {
        using var client = server.Client("viewer");
        return await client.GetJsonAsync($"/api/timeline?{Range}&{parameters}");
    }

    private static List<string?> Names(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("eventName").GetString()).ToList();

    [Fact]
    public async Task Query_SelectsMatchingEvents_NewestFirst()
    {
        var page = await SearchAsync("q=" + Uri.EscapeDataString("eventName:Delete* OR (eventName:Create* AND mfa:true)"));

        Assert.Equal(["CreateUser", "DeleteBucket"], Names(page));
    }

    [Fact]
    public async Task Not_KeepsRecordsWithoutTheField()
    {
        var page = await SearchAsync("limit=500&q=" + Uri.EscapeDataString("NOT errorCode:AccessDenied"));

        Assert.Equal(33, page.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Cidr_MatchesAddressesInTheBlock_AndSkipsServiceNames()
    {
        var page = await SearchAsync("limit=500&q=" + Uri.EscapeDataString("sourceIp:203.0.113.0/29"));

        Assert.Equal(30, page.GetProperty("items").GetArrayLength());
        Assert.All(Names(page), n => Assert.Equal("GetObject", n));
    }

    [Fact]
    public async Task InvalidQuery_Answers400WithThePosition()
    {
        using var client = server.Client("viewer");

        using var response = await client.GetAsync($"/api/timeline?{Range}&q=" + Uri.EscapeDataString("eventName:GetObject AND (principal:x"));
        var problem = await response.ReadAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(36, problem.GetProperty("position").GetInt32());
        Assert.Equal("Invalid query", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task InjectionAttempt_IsInert()
    {
        var page = await SearchAsync("q=" + Uri.EscapeDataString("principal:\"x'; DROP TABLE aw_timeline; --\""));
        var after = await SearchAsync("limit=500");

        Assert.Equal(0, page.GetProperty("items").GetArrayLength());
        Assert.Equal(34, after.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task CursorPaging_WalksEveryRecordOnce()
    {
        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await SearchAsync("limit=7" + (cursor is null ? "" : "&cursor=" + cursor));
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("storedEventId").GetString()!));
            cursor = page.GetProperty("nextCursor").GetString();
        } while (cursor is not null);

        Assert.Equal(34, seen.Count);
        Assert.Equal(34, seen.Distinct().Count());
    }

    [Fact]
    public async Task Histogram_CountsEveryMatchingRecordInBuckets()
    {
        var page = await SearchAsync("histogram=true&q=eventName:GetObject");

        var histogram = page.GetProperty("histogram");
        Assert.Equal(900, histogram.GetProperty("bucketSeconds").GetInt32());
        Assert.Equal(30, histogram.GetProperty("buckets").EnumerateArray().Sum(b => b.GetProperty("count").GetInt64()));
    }

    [Theory]
    [InlineData("limit=501")]
    [InlineData("limit=0")]
    [InlineData("cursor=nonsense")]
    public async Task OutOfBoundsParameters_Answer400(string parameters)
    {
        using var client = server.Client("viewer");

        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"/api/timeline?{Range}&{parameters}")).StatusCode);
    }

    [Fact]
    public async Task RangeWiderThanTheLimit_Answers400()
    {
        using var client = server.Client("viewer");

        using var response = await client.GetAsync("/api/timeline?since=2020-01-01T00:00:00Z&until=2026-01-01T00:00:00Z");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Event_ComesWithItsRawRecord()
    {
        var page = await SearchAsync("q=eventName:CreateUser");
        var id = page.GetProperty("items")[0].GetProperty("storedEventId").GetString();
        using var client = server.Client("viewer");

        var entry = await client.GetJsonAsync($"/api/events/{id}");

        Assert.Equal("CreateUser", entry.GetProperty("raw").GetProperty("eventName").GetString());
        Assert.Equal("IAMUser", entry.GetProperty("raw").GetProperty("userIdentity").GetProperty("type").GetString());
    }

    [Fact]
    public async Task UnknownEvent_Answers404()
    {
        using var client = server.Client("viewer");

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/events/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task PrincipalProfile_ShowsActionsByAccessLevelAndMfa()
    {
        using var client = server.Client("viewer");
        var principal = Uri.EscapeDataString($"arn:aws:iam::{CloudTrailRecords.Account}:user/alice");

        var page = await client.GetJsonAsync($"/api/principals/profile?principal={principal}&{Range}");

        var profile = page.GetProperty("profile");
        Assert.Equal(32, profile.GetProperty("events").GetInt64());
        Assert.Equal(1, profile.GetProperty("mfa").GetProperty("withMfa").GetInt64());
        var actions = profile.GetProperty("actions").EnumerateArray().ToDictionary(a => a.GetProperty("action").GetString()!);
        Assert.Equal("Read", actions["s3:GetObject"].GetProperty("accessLevel").GetString());
        Assert.Equal("Write", actions["iam:CreateUser"].GetProperty("accessLevel").GetString());
        Assert.Equal(JsonValueKind.Null, actions["s3:DeleteBucket"].GetProperty("lastSucceeded").ValueKind);
    }

    [Fact]
    public async Task Principals_ListsTheBusiestFirst()
    {
        using var client = server.Client("viewer");

        var list = await client.GetJsonAsync($"/api/principals?{Range}");

        Assert.Equal($"arn:aws:iam::{CloudTrailRecords.Account}:user/alice", list[0].GetProperty("principal").GetString());
        Assert.Equal($"arn:aws:iam::{CloudTrailRecords.Account}:role/Deployer", list[1].GetProperty("principal").GetString());
    }
}
