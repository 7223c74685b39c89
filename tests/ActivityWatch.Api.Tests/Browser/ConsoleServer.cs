using ActivityWatch.Api.Tests.Support;
using ActivityWatch.Testing.Records;
using Microsoft.Playwright;

namespace ActivityWatch.Api.Tests.Browser;

/// <summary>
/// The API with recent activity (a subclass seeds its own) and Debian's Chromium driven by
/// Playwright: no browser download (see shared FACTS.md).
/// </summary>
public class ConsoleServer : ApiServer
{
    public static readonly DateTimeOffset Recent = DateTimeOffset.UtcNow.AddHours(-2);

    private IPlaywright? _playwright;
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Screenshots go here for people to look at (AW_SCREENSHOTS, else beside the test assembly).</summary>
    public static string ScreenshotFolder { get; } =
        Environment.GetEnvironmentVariable("AW_SCREENSHOTS") is { Length: > 0 } folder ? folder : Path.Combine(AppContext.BaseDirectory, "screenshots");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await SeedAsync();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        Directory.CreateDirectory(ScreenshotFolder);
    }

    /// <summary>The records the console shows: by default two hours old, so every page's default range holds them.</summary>
    protected virtual async Task SeedAsync()
    {
        var records = new List<string>();
        for (var i = 0; i < 40; i++)
            records.Add(CloudTrailRecords.IamUserCall(i % 4 == 0 ? "ListBuckets" : "GetObject", time: Recent.AddMinutes(-i * 7), sourceIp: "203.0.113." + (i % 3 + 10)));
        records.Add(CloudTrailRecords.IamUserCall("CreateAccessKey", eventSource: "iam.amazonaws.com", time: Recent.AddMinutes(5), mfa: true));
        records.Add(CloudTrailRecords.AssumedRoleCall("RunInstances", time: Recent.AddMinutes(-30)));
        await IngestAsync([.. records]);
    }

    /// <summary>A fresh page signed in through the sign-in form with the role's key.</summary>
    public async Task<IPage> SignInAsync(string role, int width = 1440)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = 900 }, BaseURL = BaseAddress.ToString() });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(20_000);
        await page.GotoAsync("/");
        await page.FillAsync("#signin-key", Keys[role]);
        await page.ClickAsync("#signin-submit");
        await page.WaitForSelectorAsync("#shell:not([hidden])");
        return page;
    }

    public override async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        await base.DisposeAsync();
    }
}
