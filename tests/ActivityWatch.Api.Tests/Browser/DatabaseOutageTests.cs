using System.Net;
using ActivityWatch.Api.Problems;
using ActivityWatch.Api.Tests.Support;
using ActivityWatch.Monitoring.Audit;
using Microsoft.Playwright;

namespace ActivityWatch.Api.Tests.Browser;

/// <summary>PostgreSQL gone: the API answers 503 naming the database, the console says "database unavailable" and recovers by itself.</summary>
public class DatabaseOutageTests(OutageConsoleServer server) : IClassFixture<OutageConsoleServer>
{
    [Fact]
    public async Task Api_DatabaseDown_Answers503WithAProblemNamingTheDatabase()
    {
        using var client = server.Client(AnalystRoles.Viewer);
        server.Proxy.Stop();
        try
        {
            using var response = await client.GetAsync("/api/timeline");
            var problem = await response.ReadAsync();

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal(ApiExceptionHandler.DatabaseUnavailableType, problem.GetProperty("type").GetString());
            Assert.Equal("Database unavailable", problem.GetProperty("title").GetString());
            Assert.StartsWith($"PostgreSQL at 127.0.0.1:{server.Proxy.Port} (database ", problem.GetProperty("detail").GetString());
            Assert.EndsWith("does not answer.", problem.GetProperty("detail").GetString());
            Assert.StartsWith($"127.0.0.1:{server.Proxy.Port}/", problem.GetProperty("database").GetString());
            Assert.Equal("5", response.Headers.RetryAfter?.ToString());
        }
        finally
        {
            server.Proxy.Start();
        }
        using var recovered = await client.GetAsync("/api/timeline");
        Assert.Equal(HttpStatusCode.OK, recovered.StatusCode);
    }

    [Fact]
    public async Task Console_DatabaseDown_ShowsDatabaseUnavailable_AndSignsInAgainWhenItIsBack()
    {
        var page = await server.SignInAsync(AnalystRoles.Viewer);
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        server.Proxy.Stop();
        try
        {
            // A page change while the database is away: a banner naming it, not a broken page.
            await page.GotoAsync("/#/principals");
            var banner = page.Locator("[data-testid=db-banner]");
            await Assertions.Expect(banner).ToBeVisibleAsync();
            await Assertions.Expect(banner).ToContainTextAsync($"Database unavailable: PostgreSQL at 127.0.0.1:{server.Proxy.Port}");

            // A reload cannot check the key: the sign-in form says why instead of failing silently.
            await page.ReloadAsync();
            await Assertions.Expect(page.Locator("#signin-error")).ToContainTextAsync("Database unavailable");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ConsoleServer.ScreenshotFolder, "database-unavailable.png") });
        }
        finally
        {
            server.Proxy.Start();
        }

        // It retries by itself: signed in again, banner gone.
        await Assertions.Expect(page.Locator("#shell")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("[data-testid=db-banner]")).ToBeHiddenAsync();
        Assert.Empty(errors);
        await page.Context.CloseAsync();
    }
}
