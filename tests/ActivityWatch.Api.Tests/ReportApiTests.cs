using System.Net;
using System.Text.Json;
using ActivityWatch.Api.Tests.Support;
using ActivityWatch.Monitoring.Audit;
using ActivityWatch.Testing.Records;

namespace ActivityWatch.Api.Tests;

public class ReportApiTests(ApiServer server) : IClassFixture<ApiServer>
{
    [Theory]
    [InlineData("/api/reports/root-use")]
    [InlineData("/api/reports/mfa")]
    [InlineData("/api/reports/access-keys")]
    [InlineData("/api/reports/unused-permissions?days=30")]
    [InlineData("/api/reports/hygiene")]
    [InlineData("/api/rules")]
    [InlineData("/api/suppressions")]
    [InlineData("/api/ingestion")]
    public async Task Report_AnswersAViewer(string path)
    {
        using var client = server.Client(AnalystRoles.Viewer);

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task GeneratedPolicy_DownloadsAsJson_AndTheDownloadIsAudited()
    {
        await server.IngestAsync(CloudTrailRecords.IamUserCall("GetObject", userName: "policy-user", time: DateTimeOffset.UtcNow.AddMinutes(-5)));
        await server.WaitForProjectionsAsync();
        using var client = server.Client(AnalystRoles.Viewer);
        var principal = $"arn:aws:iam::{CloudTrailRecords.Account}:user/policy-user";

        using var response = await client.GetAsync("/api/reports/policy?principal=" + Uri.EscapeDataString(principal));
        var body = await response.ReadAsync();
        var audit = await server.Get<AuditTrail>().ListAsync(server.Actors[AnalystRoles.Viewer], 10, CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(principal, body.GetProperty("principal").GetString());
        Assert.Contains(audit, a => a.Action == "policy.download" && a.Target == $"principal/{principal}");
    }

    [Fact]
    public async Task Ingestion_ReportsTotalsAndLag()
    {
        await server.IngestAsync(CloudTrailRecords.IamUserCall("ListBuckets", time: DateTimeOffset.UtcNow.AddMinutes(-10)));
        using var client = server.Client(AnalystRoles.Viewer);

        var status = await client.GetJsonAsync("/api/ingestion");

        Assert.True(status.GetProperty("totals").GetProperty("ingested").GetInt64() >= 1);
        Assert.True(status.GetProperty("totals").GetProperty("lagSeconds").GetDouble() >= 600);
        Assert.NotEmpty(status.GetProperty("recentObjects").EnumerateArray());
    }

    [Fact]
    public async Task RawRecordWithNulAndALoneSurrogate_IsShownAsLogged()
    {
        var record = CloudTrailRecords.IamUserCall("ListBuckets", userName: "hostile-agent", time: DateTimeOffset.UtcNow.AddMinutes(-30));
        record = record.Replace("\"userAgent\":\"aws-cli/2.15.0 Python/3.11.6 Linux/6.1 exe/x86_64.debian.12\"", "\"userAgent\":\"a\\u0000b\\ud800\"");
        Assert.Contains("\\u0000", record);
        await server.IngestAsync(record);
        using var client = server.Client(AnalystRoles.Viewer);
        var principal = $"arn:aws:iam::{CloudTrailRecords.Account}:user/hostile-agent";

        using var response = await client.GetAsync("/api/timeline?raw=true&principal=" + Uri.EscapeDataString(principal));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("a\\u0000b\\ud800", body);
    }

    [Fact]
    public async Task ProjectionFailures_AreListedForAViewer()
    {
        using var client = server.Client(AnalystRoles.Viewer);

        var live = await client.GetJsonAsync("/api/ingestion/projection-failures");

        Assert.True(live.GetProperty("processedSequence").GetInt64() >= 0);
        Assert.Equal(JsonValueKind.Array, live.GetProperty("recentFailures").ValueKind);
    }
}
