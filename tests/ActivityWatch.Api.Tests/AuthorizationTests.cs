using System.Net;
using System.Net.Http.Json;
using ActivityWatch.Api.Tests.Support;
using ActivityWatch.Monitoring.Audit;

namespace ActivityWatch.Api.Tests;

public class AuthorizationTests(ApiServer server) : IClassFixture<ApiServer>
{
    [Theory]
    [InlineData("/api/timeline")]
    [InlineData("/api/alerts")]
    [InlineData("/api/principals")]
    [InlineData("/api/ingestion")]
    [InlineData("/api/rules")]
    [InlineData("/api/reports/root-use")]
    [InlineData("/api/audit")]
    [InlineData("/api/alerts/stream")]
    [InlineData("/openapi/v1.json")]
    public async Task AnonymousCall_IsRejectedWithProblemDetails(string path)
    {
        using var client = server.Client();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task UnknownKey_IsRejected()
    {
        using var client = server.Client();
        client.DefaultRequestHeaders.Add("X-Api-Key", "aw_not-a-real-key");

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task XApiKeyHeader_SignsIn()
    {
        using var client = server.Client();
        client.DefaultRequestHeaders.Add("X-Api-Key", server.Keys[AnalystRoles.Viewer]);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task RevokedKey_IsRejectedFromThenOn()
    {
        var issued = await server.Get<ApiKeys>().CreateAsync("short-lived", AnalystRoles.Viewer, "tests", CancellationToken.None);
        using var client = server.Client();
        client.DefaultRequestHeaders.Add("X-Api-Key", issued.Secret);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me")).StatusCode);

        await server.Get<ApiKeys>().RevokeAsync(issued.Key.Id, "tests", CancellationToken.None);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me")).StatusCode);
    }

    [Theory]
    [InlineData(AnalystRoles.Viewer, HttpStatusCode.OK)]
    [InlineData(AnalystRoles.Responder, HttpStatusCode.OK)]
    [InlineData(AnalystRoles.Admin, HttpStatusCode.OK)]
    public async Task EveryRole_ReadsTheTimeline(string role, HttpStatusCode expected)
    {
        using var client = server.Client(role);

        Assert.Equal(expected, (await client.GetAsync("/api/timeline")).StatusCode);
    }

    [Theory]
    [InlineData(AnalystRoles.Viewer, HttpStatusCode.Forbidden)]
    [InlineData(AnalystRoles.Responder, HttpStatusCode.NotFound)]
    [InlineData(AnalystRoles.Admin, HttpStatusCode.NotFound)]
    public async Task WorkingAlerts_NeedsResponder(string role, HttpStatusCode expected)
    {
        using var client = server.Client(role);

        using var response = await client.PostAsJsonAsync($"/api/alerts/{Guid.NewGuid()}/acknowledge", new { note = "looking" });

        // NotFound means the role was allowed through to the (absent) alert.
        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData(AnalystRoles.Viewer, HttpStatusCode.Forbidden)]
    [InlineData(AnalystRoles.Responder, HttpStatusCode.Forbidden)]
    [InlineData(AnalystRoles.Admin, HttpStatusCode.Created)]
    public async Task AddingSuppressions_NeedsAdmin(string role, HttpStatusCode expected)
    {
        using var client = server.Client(role);

        using var response = await client.PostAsJsonAsync("/api/suppressions",
            new { ruleId = "root.api-call", principal = (string?)null, sourceCidr = "203.0.113.0/24", note = "break-glass from the office" });

        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData(AnalystRoles.Viewer, HttpStatusCode.Forbidden)]
    [InlineData(AnalystRoles.Responder, HttpStatusCode.Forbidden)]
    [InlineData(AnalystRoles.Admin, HttpStatusCode.OK)]
    public async Task AuditTrailAndKeys_NeedAdmin(string role, HttpStatusCode expected)
    {
        using var client = server.Client(role);

        Assert.Equal(expected, (await client.GetAsync("/api/audit")).StatusCode);
        Assert.Equal(expected, (await client.GetAsync("/api/apikeys")).StatusCode);
    }

    [Fact]
    public async Task KeyIssuedOverTheApi_IsRecordedInTheAuditTrail()
    {
        using var admin = server.Client(AnalystRoles.Admin);

        using var created = await admin.PostAsJsonAsync("/api/apikeys", new { name = "soc-bot", role = "viewer" });
        var body = await created.ReadAsync();
        var audit = await admin.GetJsonAsync("/api/audit");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.StartsWith("aw_", body.GetProperty("secret").GetString());
        Assert.Contains(audit.EnumerateArray(), e => e.GetProperty("action").GetString() == "apikey.create"
                                                      && e.GetProperty("actor").GetString() == server.Actors[AnalystRoles.Admin]);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheApi()
    {
        using var client = server.Client(AnalystRoles.Viewer);

        var document = await client.GetJsonAsync("/openapi/v1.json");

        Assert.Equal("ActivityWatch analyst API", document.GetProperty("info").GetProperty("title").GetString());
        Assert.True(document.GetProperty("paths").TryGetProperty("/api/timeline", out _));
    }
}
