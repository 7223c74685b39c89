using System.Net;
using System.Net.Http.Json;
using ActivityWatch.Api.Tests.Support;
using ActivityWatch.Monitoring.Audit;
using ActivityWatch.Testing.Records;

namespace ActivityWatch.Api.Tests;

/// <summary>Logged sourceIPAddress values an attacker chose, beside ordinary IPv4 and IPv6 ones.</summary>
public sealed class AddressData : ApiServer
{
    public static readonly DateTimeOffset Day = new(2026, 10, 20, 0, 0, 0, TimeSpan.Zero);

    public static readonly string[] Hostile =
    [
        "1:2:3:4:5:6:7::1:2:3:4:5:6:7", "1::2::3", "fe80::1%eth0", "::ffff:192.0.2.1", "999.1.1.1", "1.2.3", "01.2.3.4",
        "12345::", ":::", "2001:db8::1/64", "' OR 1=1 --", "",
    ];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var records = Hostile.Select((ip, i) => CloudTrailRecords.IamUserCall("GetObject", time: Day.AddMinutes(i), sourceIp: ip)).ToList();
        records.Add(CloudTrailRecords.IamUserCall("PutObject", time: Day.AddHours(1), sourceIp: "2001:db8::5"));
        records.Add(CloudTrailRecords.IamUserCall("PutObject", time: Day.AddHours(2), sourceIp: "203.0.113.9"));
        await IngestAsync([.. records]);
    }
}

public class AddressQueryTests(AddressData server) : IClassFixture<AddressData>
{
    private static readonly string Range = $"since={AddressData.Day:O}&until={AddressData.Day.AddDays(1):O}".Replace("+", "%2B");

    [Theory]
    [InlineData("10.0.0.0/99", 18)]
    [InlineData("10.0.0.0/", 18)]
    [InlineData("10.0.0.0/-1", 18)]
    [InlineData("10.0.0.0/+8", 18)]
    [InlineData("10.0.0.0/8/8", 18)]
    [InlineData("10.0.0.0/0x8", 18)]
    [InlineData("10.0.0.0/0008", 18)]
    [InlineData("/8", 9)]
    [InlineData("1/8", 9)]
    [InlineData("127.1/8", 9)]
    [InlineData("0x7f.0.0.1/8", 9)]
    [InlineData("010.0.0.1/8", 9)]
    [InlineData("256.0.0.1/8", 9)]
    [InlineData("1.2.3.4.5/8", 9)]
    [InlineData("a.b.c.d/8", 9)]
    [InlineData("1.2.3.4/33", 17)]
    [InlineData("::1/129", 13)]
    [InlineData("::/1000", 12)]
    [InlineData("fe80::1%eth0/64", 9)]
    [InlineData("fe80::1%25eth0/64", 9)]
    [InlineData("[::1]/64", 9)]
    [InlineData("1:2:3:4:5:6:7:8:9/64", 9)]
    [InlineData("1::2::3/64", 9)]
    [InlineData("12345::/16", 9)]
    [InlineData(":/1", 9)]
    [InlineData(":::/1", 9)]
    [InlineData("::ffff:1.2.3.4/200", 24)]
    [InlineData("2001:db8::g/32", 9)]
    [InlineData("2001:db8::/３２", 20)]
    [InlineData("１.2.3.4/8", 9)]
    // A quoted value's position is its opening quote's.
    [InlineData("\"10.0.0.0/ 8\"", 18)]
    public async Task MalformedBlock_Answers400WithItsPosition(string block, int position)
    {
        using var client = server.Client(AnalystRoles.Viewer);
        var q = Uri.EscapeDataString($"sourceIp:{block}");

        using var timeline = await client.GetAsync($"/api/timeline?{Range}&q={q}");
        using var principals = await client.GetAsync($"/api/principals?{Range}&q={Uri.EscapeDataString($"eventName:GetObject AND sourceIp:{block}")}");

        Assert.Equal(HttpStatusCode.BadRequest, timeline.StatusCode);
        Assert.Equal(position, (await timeline.ReadAsync()).GetProperty("position").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, principals.StatusCode);
        Assert.Equal(position + "eventName:GetObject AND ".Length, (await principals.ReadAsync()).GetProperty("position").GetInt32());
    }

    [Theory]
    [InlineData("2001:db8::/32", new[] { "2001:db8::5" })]
    [InlineData("2001:DB8:0:0::/64", new[] { "2001:db8::5" })]
    [InlineData("::/0", new[] { "2001:db8::5" })]
    [InlineData("203.0.113.0/24", new[] { "203.0.113.9" })]
    [InlineData("0.0.0.0/0", new[] { "203.0.113.9" })]
    [InlineData("203.0.113.9/32", new[] { "203.0.113.9" })]
    [InlineData("203.0.113.200/24", new[] { "203.0.113.9" })]
    public async Task Block_MatchesRealAddresses_AndHostileValuesInTheLogDoNotBreakIt(string block, string[] expected)
    {
        using var client = server.Client(AnalystRoles.Viewer);

        using var response = await client.GetAsync($"/api/timeline?{Range}&limit=500&q={Uri.EscapeDataString($"sourceIp:{block}")}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var found = (await response.ReadAsync()).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("sourceIp").GetString()).ToList();
        Assert.Equal(expected.Order(), found.Order());
    }

    [Theory]
    [InlineData("until=0001-01-01T00:00:00Z")]
    [InlineData("since=0001-01-01T00:00:00Z&until=0001-01-01T01:00:00Z")]
    [InlineData("since=9999-12-31T00:00:00Z&until=9999-12-31T23:59:59Z")]
    [InlineData("since=not-a-time")]
    [InlineData("limit=99999999999")]
    [InlineData("cursor=%00%FF")]
    public async Task OddRangesAndValues_AreAnsweredWithoutA500(string parameters)
    {
        using var client = server.Client(AnalystRoles.Viewer);

        using var response = await client.GetAsync($"/api/timeline?{parameters}");

        Assert.True((int)response.StatusCode is 200 or 400, $"{parameters}: {(int)response.StatusCode}");
    }

    [Theory]
    [InlineData("1/8", 0)]
    [InlineData("10.0.0.0/33", 9)]
    [InlineData("fe80::1%eth0", 0)]
    public async Task SuppressionWithAMalformedBlock_Answers400WithItsPosition(string cidr, int position)
    {
        using var admin = server.Client(AnalystRoles.Admin);

        using var response = await admin.PostAsJsonAsync("/api/suppressions", new { ruleId = "root.api-call", sourceCidr = cidr, note = "office" });
        var problem = await response.ReadAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("sourceCidr", problem.GetProperty("parameter").GetString());
        Assert.Equal(position, problem.GetProperty("position").GetInt32());
    }
}
