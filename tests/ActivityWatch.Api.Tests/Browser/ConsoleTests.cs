using System.Text.Json;
using ActivityWatch.Api.Tests.Support;
using ActivityWatch.Monitoring.Audit;
using ActivityWatch.Testing.Records;
using Microsoft.Playwright;

namespace ActivityWatch.Api.Tests.Browser;

public class ConsoleTests(ConsoleServer server) : IClassFixture<ConsoleServer>
{
    [Fact]
    public async Task SignIn_WithAWrongKey_StaysOnTheSignInForm()
    {
        var page = await server.Browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = server.BaseAddress.ToString() });
        await page.GotoAsync("/");

        await page.FillAsync("#signin-key", "aw_wrong");
        await page.ClickAsync("#signin-submit");

        await Assertions.Expect(page.Locator("#signin-error")).ToContainTextAsync("not accepted");
        await page.CloseAsync();
    }

    [Fact]
    public async Task TimelineQuery_FindsTheEvent_AndOpensItsRawRecord()
    {
        var page = await server.SignInAsync(AnalystRoles.Viewer);
        await page.Locator("[data-testid=timeline-table] tbody tr.clickable").First.WaitForAsync();

        await page.FillAsync("[data-testid=query]", "eventName:Create* AND mfa:true");
        await page.ClickAsync("[data-testid=search]");
        var rows = page.Locator("[data-testid=timeline-table] tbody tr.clickable");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ConsoleServer.ScreenshotFolder, "timeline.png") });
        await rows.First.ClickAsync();

        var raw = page.Locator("#drawer [data-testid=raw-json]");
        await Assertions.Expect(raw).ToContainTextAsync("\"eventName\": \"CreateAccessKey\"");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ConsoleServer.ScreenshotFolder, "event.png") });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task InvalidQuery_ShowsWhereItFails()
    {
        var page = await server.SignInAsync(AnalystRoles.Viewer);

        await page.FillAsync("[data-testid=query]", "eventName:GetObject AND");
        await page.ClickAsync("[data-testid=search]");

        await Assertions.Expect(page.Locator("[data-testid=query-error]")).ToContainTextAsync("expected a term");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AlertQueue_AcknowledgesWithTheKeyboard_AndANewAlertArrivesLive()
    {
        var page = await server.SignInAsync(AnalystRoles.Responder);
        page.Console += (_, message) => System.Console.Error.WriteLine($"browser: {message.Text}");
        await page.GotoAsync("/#/alerts");
        await Assertions.Expect(page.Locator("#live-state")).ToHaveAttributeAsync("data-state", "on");
        await page.Locator("#main[data-loaded=true]").WaitForAsync();
        var rows = page.Locator("[data-testid=alert-table] tbody tr.clickable");

        // Live: a root API call is ingested after the page opened; its alert appears without a reload.
        await server.IngestAsync(CloudTrailRecords.RootCall("GetAccountSummary", time: DateTimeOffset.UtcNow.AddMinutes(-1)));
        await Assertions.Expect(rows).ToHaveCountAsync(1, new LocatorAssertionsToHaveCountOptions { Timeout = 60_000 });
        await Assertions.Expect(rows.First).ToContainTextAsync("root");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ConsoleServer.ScreenshotFolder, "alerts.png") });

        // Keyboard: the first row is selected; "a" acknowledges it.
        await page.Locator("body").PressAsync("a");
        await Assertions.Expect(rows.First).ToContainTextAsync("acknowledged");

        using var client = server.Client(AnalystRoles.Viewer);
        var alerts = await client.GetJsonAsync("/api/alerts?status=acknowledged");
        Assert.Equal(1, alerts.GetArrayLength());
        Assert.Equal($"test-responder ({server.Actors[AnalystRoles.Responder]})", alerts[0].GetProperty("history").EnumerateArray().Last().GetProperty("by").GetString());

        // Enter opens the detail with the evidence and its raw JSON.
        await page.Locator("body").PressAsync("Enter");
        await Assertions.Expect(page.Locator("[data-testid=alert-status]")).ToContainTextAsync("acknowledged");
        await page.Locator("[data-testid=evidence-table] tbody tr.clickable").First.ClickAsync();
        await Assertions.Expect(page.Locator("#drawer [data-testid=raw-json]")).ToContainTextAsync("GetAccountSummary");
        await page.Keyboard.PressAsync("Escape");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ConsoleServer.ScreenshotFolder, "alert-detail.png") });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task PrincipalPage_ChartsActivityAndListsPermissionsUsed()
    {
        var page = await server.SignInAsync(AnalystRoles.Viewer);
        var principal = $"arn:aws:iam::{CloudTrailRecords.Account}:user/alice";

        await page.GotoAsync("/#/principal?p=" + Uri.EscapeDataString(principal) + "&days=1");

        await Assertions.Expect(page.Locator("[data-testid=principal-name]")).ToHaveTextAsync(principal);
        await Assertions.Expect(page.Locator("[data-testid=level-chart] rect").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=actions-table]")).ToContainTextAsync("iam:CreateAccessKey");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ConsoleServer.ScreenshotFolder, "principal.png"), FullPage = true });

        await page.ClickAsync("#theme-toggle");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("data-theme", "dark");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ConsoleServer.ScreenshotFolder, "principal-dark.png") });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TableExport_DownloadsTheRowsAsJson()
    {
        var page = await server.SignInAsync(AnalystRoles.Viewer);
        await page.Locator("[data-testid=timeline-table] tbody tr.clickable").First.WaitForAsync();

        var shown = await page.Locator("[data-testid=timeline-table] tbody tr.clickable").CountAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-testid=export-json]").First.ClickAsync());
        using var rows = JsonDocument.Parse(await File.ReadAllTextAsync(await download.PathAsync()));

        Assert.True(shown >= 42);
        Assert.Equal(shown, rows.RootElement.GetArrayLength());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task RetroHunt_ByAResponder_RunsARuleOverStoredRecords()
    {
        var page = await server.SignInAsync(AnalystRoles.Responder);
        await page.GotoAsync("/#/rules");
        await page.Locator("[data-testid=rules-table]").WaitForAsync();

        await page.Locator("[data-testid=replay-rule]").SelectOptionAsync("iam.api-without-mfa");
        await page.Locator("[data-testid=replay-since]").FillAsync(ConsoleServer.Recent.UtcDateTime.AddDays(-1).ToString("yyyy-MM-dd"));
        await page.Locator("[data-testid=replay-until]").FillAsync(ConsoleServer.Recent.UtcDateTime.ToString("yyyy-MM-dd"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Run over history" }).ClickAsync();

        var result = page.Locator("[data-testid=replay-result]");
        await Assertions.Expect(result).ToContainTextAsync("records read");
        var records = int.Parse(System.Text.RegularExpressions.Regex.Match(await result.InnerTextAsync(), @"^([\d,]+) records read").Groups[1].Value.Replace(",", ""));
        Assert.True(records >= 42, $"{records} records read");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task RetroHunt_IsNotOfferedToAViewer()
    {
        var page = await server.SignInAsync(AnalystRoles.Viewer);
        await page.GotoAsync("/#/rules");
        await page.Locator("[data-testid=rules-table]").WaitForAsync();

        await Assertions.Expect(page.Locator("[data-testid=replay-rule]")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }
}
