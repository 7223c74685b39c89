using System.Text.Json;
using System.Text.RegularExpressions;
using ActivityWatch.Monitoring.Audit;
using Microsoft.Playwright;
using static ActivityWatch.Api.Tests.Browser.HistoryConsoleServer;

namespace ActivityWatch.Api.Tests.Browser;

/// <summary>
/// A new analyst's first hour on history that ended weeks ago: ranges that hold data and say so,
/// pivots that keep their time, values that become filters, searches that explain an empty answer,
/// a queue worked most severe first, tables that fit a 1400 px screen.
/// </summary>
public class FirstHourConsoleTests(HistoryConsoleServer server) : IClassFixture<HistoryConsoleServer>
{
    private static ILocator Rows(IPage page) => page.Locator("[data-testid=timeline-table] tbody tr.clickable");

    private static async Task<IPage> TimelineAsync(HistoryConsoleServer server, string hash = "", int width = 1440)
    {
        var page = await server.SignInAsync(AnalystRoles.Viewer, width);
        await page.GotoAsync("/#/timeline" + hash);
        await page.Locator("#main[data-loaded=true]").WaitForAsync();
        return page;
    }

    private static string Range(DateTimeOffset from, DateTimeOffset to) =>
        $"from={Uri.EscapeDataString(from.UtcDateTime.ToString("O"))}&to={Uri.EscapeDataString(to.UtcDateTime.ToString("O"))}";

    [Fact]
    public async Task Timeline_HistoryFromWeeksAgo_ShowsTheLast24HoursOfData_AndSaysWhichAndWhatIsStored()
    {
        var page = await TimelineAsync(server);

        // The day up to the newest record: Tuesday's three security group changes and the root call.
        await Assertions.Expect(Rows(page)).ToHaveCountAsync(4);
        await Assertions.Expect(page.Locator("[data-testid=range-label]")).ToHaveTextAsync(
            "2026-11-02 13:00:01Z → 2026-11-03 13:00:01Z: the 24 hours up to the newest stored event");
        await Assertions.Expect(page.Locator("[data-testid=data-extent]")).ToHaveTextAsync("Stored events: 2026-11-02 08:00:00Z → 2026-11-03 13:00:00Z");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ConsoleServer.ScreenshotFolder, "first-hour-timeline.png") });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task FromToPicker_TypedUtcTimes_BecomeTheRange()
    {
        var page = await TimelineAsync(server);

        await page.Locator("[data-testid=range-from]").FillAsync("2026-11-02 08:00");
        await page.Locator("[data-testid=range-to]").FillAsync("2026-11-02 09:00");
        await page.Locator("[data-testid=range-apply]").ClickAsync();

        await Assertions.Expect(page.Locator("[data-testid=range-label]")).ToHaveTextAsync("2026-11-02 08:00:00Z → 2026-11-02 09:00:00Z (chosen range)");
        await Assertions.Expect(page.Locator("[data-testid=timeline-summary]")).ToHaveTextAsync("30 events");
        Assert.Contains("from=2026-11-02T08%3A00%3A00.000Z", page.Url);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task HistogramBar_ZoomsToItsInterval()
    {
        var page = await TimelineAsync(server, "?" + Range(Monday, Monday.AddHours(5)));
        await Assertions.Expect(page.Locator("[data-testid=timeline-summary]")).ToHaveTextAsync("153 events");

        // Five hours in 5-minute bars: the first holds alice's reads at 08:00, 08:02 and 08:04.
        await page.Locator("[data-testid=histogram] rect.bar").First.ClickAsync();

        await Assertions.Expect(page.Locator("[data-testid=range-label]")).ToHaveTextAsync("2026-11-02 08:00:00Z → 2026-11-02 08:05:00Z (chosen range)");
        await Assertions.Expect(Rows(page)).ToHaveCountAsync(3);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ClickingAValue_AddsItToTheQuery()
    {
        var page = await TimelineAsync(server, "?" + Range(Monday, Monday.AddDays(2)));

        await page.Locator("[data-testid=timeline-table] .pivot[data-field=eventName]", new() { HasTextString = "CreateUser" }).ClickAsync();

        await Assertions.Expect(page.Locator("[data-testid=query]")).ToHaveValueAsync("eventName:CreateUser");
        await Assertions.Expect(Rows(page)).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#drawer")).ToBeHiddenAsync();

        // Shift-click on a value excludes it.
        await page.Locator("[data-testid=timeline-table] .pivot[data-field=sourceIp]").First.ClickAsync(new() { Modifiers = [KeyboardModifier.Shift] });
        await Assertions.Expect(page.Locator("[data-testid=query]")).ToHaveValueAsync("eventName:CreateUser AND NOT sourceIp:203.0.113.45");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task EventPivot_PrincipalsActivity_KeepsTheEventsTime()
    {
        var page = await TimelineAsync(server, "?q=eventName:CreateUser&" + Range(Monday, Monday.AddDays(2)));
        await Rows(page).First.ClickAsync();

        await page.Locator("#drawer [data-testid=pivot-principal]").ClickAsync();

        await page.Locator("#main[data-loaded=true]").WaitForAsync();
        await Assertions.Expect(page.Locator("[data-testid=range-label]")).ToHaveTextAsync("2026-11-01 22:00:00Z → 2026-11-02 22:00:00Z (chosen range)");
        await Assertions.Expect(page.Locator("[data-testid=query]")).ToHaveValueAsync($"principal:{Chen}");
        await Assertions.Expect(Rows(page)).ToHaveCountAsync(2);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task DrawerValue_Plus_OpensTheTimelineFilteredAroundTheEvent()
    {
        var page = await TimelineAsync(server, "?q=eventName:ListBuckets&" + Range(Monday, Monday.AddDays(2)));
        await Rows(page).First.ClickAsync();

        await page.Locator("#drawer [data-testid=filter-accessKeyId]").ClickAsync();

        await Assertions.Expect(page.Locator("[data-testid=query]")).ToHaveValueAsync("eventName:ListBuckets AND accessKeyId:AKIAPPLKSBACHGGXSIS2");
        await Assertions.Expect(Rows(page)).ToHaveCountAsync(1);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AlertPivot_ActivityAroundTheAlert_IsAnHourEitherSideOfItsEvidence()
    {
        var page = await server.SignInAsync(AnalystRoles.Viewer);
        await page.GotoAsync("/#/alerts");
        await page.Locator("#main[data-loaded=true]").WaitForAsync();
        await page.Locator("[data-testid=alert-table] tbody tr.clickable", new() { HasTextString = "root.api-call" }).ClickAsync();

        await page.Locator("[data-testid=pivot-around-alert]").ClickAsync();

        await page.Locator("#main[data-loaded=true]").WaitForAsync();
        await Assertions.Expect(page.Locator("[data-testid=range-label]")).ToHaveTextAsync("2026-11-03 09:00:00Z → 2026-11-03 11:00:00Z (chosen range)");
        await Assertions.Expect(Rows(page)).ToHaveCountAsync(1);
        await Assertions.Expect(Rows(page).First).ToContainTextAsync("ListUsers");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TimeHeader_OrdersTheWholeResultOldestFirst_OtherHeadersSortTheLoadedRows()
    {
        var page = await TimelineAsync(server, "?" + Range(Monday, Monday.AddDays(2)));
        await Assertions.Expect(Rows(page)).ToHaveCountAsync(100);

        await page.Locator("[data-testid=timeline-table] th[data-key=eventTime]").ClickAsync();

        await Assertions.Expect(Rows(page).First).ToContainTextAsync("11-02 08:00:00");
        await Assertions.Expect(page.Locator("[data-testid=timeline-table] th[data-key=eventTime]")).ToHaveAttributeAsync("aria-sort", "ascending");
        Assert.Contains("order=oldest", page.Url);

        await page.Locator("[data-testid=timeline-table] th[data-key=eventName]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=timeline-order]")).ToContainTextAsync("The 100 rows loaded, by event");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Export_StreamsTheWholeResult_NotTheRowsLoaded()
    {
        var page = await TimelineAsync(server, "?" + Range(Monday, Monday.AddDays(2)));
        await Assertions.Expect(Rows(page)).ToHaveCountAsync(100);

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-testid=export-json]").First.ClickAsync());
        using var rows = JsonDocument.Parse(await File.ReadAllTextAsync(await download.PathAsync()));

        Assert.Equal(157, rows.RootElement.GetArrayLength());

        // As CSV too, with a formula in a log field kept as text.
        var csv = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-testid=export-csv]").First.ClickAsync());
        var lines = await File.ReadAllLinesAsync(await csv.PathAsync());
        Assert.Equal(158, lines.Length);
        Assert.Contains(lines, l => l.Contains("user/mallory") && l.Contains(",\"'=HYPERLINK(\"\"http://attacker.example/\"\","));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task EmptySearch_SaysWhyAndWhatToTry()
    {
        var page = await TimelineAsync(server, "?q=principal:che&" + Range(Monday, Monday.AddDays(2)));

        var empty = page.Locator("[data-testid=timeline-table-empty]");
        await Assertions.Expect(empty).ToContainTextAsync("No events match “principal:che”");
        await Assertions.Expect(empty).ToContainTextAsync("try principal:*che* for part of a name");
        await Assertions.Expect(empty).ToContainTextAsync("Stored events span 2026-11-02 08:00:00Z → 2026-11-03 13:00:00Z.");

        // A bare user name matches the user-name part of the ARN.
        await page.FillAsync("[data-testid=query]", "principal:chen");
        await page.ClickAsync("[data-testid=search]");
        await Assertions.Expect(Rows(page)).ToHaveCountAsync(2);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task UnknownField_ListsTheFieldsTheLanguageKnows()
    {
        var page = await TimelineAsync(server);

        await page.FillAsync("[data-testid=query]", "usr:chen");
        await page.ClickAsync("[data-testid=search]");

        var error = page.Locator("[data-testid=query-error]");
        await Assertions.Expect(error).ToContainTextAsync("unknown field 'usr'");
        await Assertions.Expect(error).ToContainTextAsync("known fields: principal, eventName, eventSource, sourceIp");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AlertQueue_MostSevereFirst_RepeatedLowAlertsOfADayAreOneRow()
    {
        var page = await server.SignInAsync(AnalystRoles.Responder);
        await page.GotoAsync("/#/alerts");
        await page.Locator("#main[data-loaded=true]").WaitForAsync();
        var rows = page.Locator("[data-testid=alert-table] tbody tr.clickable");

        // The root call (high), Tuesday's three security group changes as one row, Monday's CreateUser (low).
        await Assertions.Expect(rows).ToHaveCountAsync(3);
        await Assertions.Expect(rows.Nth(0)).ToContainTextAsync("high");
        await Assertions.Expect(rows.Nth(1).Locator("[data-testid=group-count]")).ToHaveTextAsync("3 alerts on 2026-11-03");
        await Assertions.Expect(rows.Nth(2)).ToContainTextAsync("iam.user-created");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ConsoleServer.ScreenshotFolder, "first-hour-alerts.png") });

        await page.Locator("body").PressAsync("j");
        await page.Locator("body").PressAsync("Enter");

        await Assertions.Expect(rows).ToHaveCountAsync(6);
        await Assertions.Expect(page.Locator("[data-testid=alert-table] tbody tr.member-row")).ToHaveCountAsync(3);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("#/timeline")]
    [InlineData("#/alerts")]
    [InlineData("#/principals")]
    [InlineData("#/rules")]
    [InlineData("#/reports")]
    [InlineData("#/ingestion")]
    public async Task Tables_FitA1400PixelScreen(string route)
    {
        var page = await server.SignInAsync(AnalystRoles.Admin, width: 1400);
        await page.GotoAsync("/" + route);
        await page.Locator("table.data tbody tr").First.WaitForAsync();
        await page.WaitForTimeoutAsync(500);

        var overflowing = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('.table-wrap')].filter((w) => w.scrollWidth > w.clientWidth + 1).map((w) => `${w.querySelector('table')?.dataset.testid}: ${w.scrollWidth} > ${w.clientWidth}`)");

        Assert.Empty(overflowing);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ConsoleServer.ScreenshotFolder, $"fit-1400-{Regex.Replace(route, "[^a-z]", "")}.png") });
        await page.Context.CloseAsync();
    }
}
