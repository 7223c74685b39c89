using System.Net;
using ActivityWatch.Api.Tests.Support;
using ActivityWatch.Monitoring.Audit;

namespace ActivityWatch.Api.Tests;

/// <summary>Every response carries the security headers: data, problems, the live stream, the console, health.</summary>
public class SecurityHeadersTests(ApiServer server) : IClassFixture<ApiServer>
{
    public static TheoryData<string, string?, HttpStatusCode> Responses => new()
    {
        { "/api/me", AnalystRoles.Viewer, HttpStatusCode.OK },
        { "/api/timeline", null, HttpStatusCode.Unauthorized },
        { "/api/audit", AnalystRoles.Viewer, HttpStatusCode.Forbidden },
        { "/api/timeline?limit=0", AnalystRoles.Viewer, HttpStatusCode.BadRequest },
        { "/api/alerts/00000000-0000-0000-0000-000000000001", AnalystRoles.Viewer, HttpStatusCode.NotFound },
        { "/openapi/v1.json", AnalystRoles.Viewer, HttpStatusCode.OK },
        { "/health/live", null, HttpStatusCode.OK },
        { "/", null, HttpStatusCode.OK },
        { "/app.js", null, HttpStatusCode.OK },
        { "/no-such-page", null, HttpStatusCode.Unauthorized },
        { "/no-such-page", AnalystRoles.Viewer, HttpStatusCode.NotFound },
    };

    [Theory]
    [MemberData(nameof(Responses))]
    public async Task Response_CarriesTheSecurityHeaders(string path, string? role, HttpStatusCode status)
    {
        using var client = server.Client(role);

        using var response = await client.GetAsync(path);

        Assert.Equal(status, response.StatusCode);
        Headers.AssertSecure(response);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"), "no HSTS over plain HTTP");
    }

    [Fact]
    public async Task LiveStream_CarriesTheSecurityHeaders()
    {
        var (response, _) = await LiveStreams.OpenAsync(server.Client(AnalystRoles.Viewer));
        using var _1 = response;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Headers.AssertSecure(response);
    }

    [Fact]
    public async Task DataAnswers_AreNeitherRenderedNorCached_TheConsoleRunsOnlyItsOwnScripts()
    {
        using var client = server.Client(AnalystRoles.Viewer);

        using var data = await client.GetAsync("/api/me");
        using var console = await client.GetAsync("/");

        Assert.StartsWith("default-src 'none'", Headers.Csp(data));
        Assert.True(data.Headers.CacheControl?.NoStore);
        Assert.Contains("script-src 'self';", Headers.Csp(console));
        Assert.DoesNotContain("unsafe-eval", Headers.Csp(console));
    }
}
