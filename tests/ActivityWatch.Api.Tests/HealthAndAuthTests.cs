using System.Net;
using ActivityWatch.Api.Tests.Support;

namespace ActivityWatch.Api.Tests;

public class HealthAndAuthTests(ApiServer server) : IClassFixture<ApiServer>
{
    [Fact]
    public async Task Health_IsAnonymous()
    {
        using var client = server.Client();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task Me_WithViewerKey_NamesTheKeyAndRole()
    {
        using var client = server.Client("viewer");

        var body = await client.GetStringAsync("/api/me");

        Assert.Contains("\"name\":\"test-viewer\"", body);
        Assert.Contains($"\"id\":\"{server.Actors["viewer"]}\"", body);
        Assert.Contains("\"role\":\"viewer\"", body);
    }
}
