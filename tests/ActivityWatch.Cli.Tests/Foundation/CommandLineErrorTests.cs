using ActivityWatch.Cli.Errors;

namespace ActivityWatch.Cli.Tests.Foundation;

/// <summary>A command line that cannot be read is one line naming the option and the forms it takes, never a .NET type and the help text.</summary>
public sealed class CommandLineErrorTests
{
    private static Task<(int ExitCode, string Out, string Error)> RunAsync(params string[] args) =>
        CliRun.RunAsync(new Dictionary<string, string?>(), args);

    [Fact]
    public async Task Timeline_SinceNotADate_IsOneLineNamingTheOptionAndTheForms()
    {
        var (exitCode, output, error) = await RunAsync("timeline", "--since", "2026-13-45");

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Equal("", output);
        Assert.Equal("error: invalid date '2026-13-45' for --since (use 2026-11-01 or 2026-11-01T10:00:00Z)", error.TrimEnd());
    }

    [Theory]
    [InlineData("error: invalid value 'nope' for --status (use all or open)", "alerts", "list", "--status", "nope")]
    [InlineData("error: invalid value 'critical!' for --severity (use critical, high, low or medium)", "alerts", "list", "--severity", "critical!")]
    [InlineData("error: invalid number 'abc' for --limit (use a whole number, e.g. 100)", "timeline", "--limit", "abc")]
    [InlineData("error: invalid number '0' for --limit (use 1 or more, e.g. 1000)", "quarantine", "list", "--limit", "0")]
    [InlineData("error: invalid value 'xml' for --format (use table or json)", "status", "--format", "xml")]
    [InlineData("error: invalid value 'god' for --role (use admin, responder or viewer)", "apikeys", "create", "--name", "x", "--role", "god")]
    [InlineData("error: invalid number 'fast' for --rate (use a number, e.g. 1.5)", "simulate", "--rate", "fast", "--out", "/tmp/aw-never-written")]
    [InlineData("error: invalid date 'yesterday' for --until (use 2026-11-01 or 2026-11-01T10:00:00Z)", "rules", "replay", "--rule", "root.api-call", "--until", "yesterday")]
    [InlineData("error: invalid date 'soon' for --at (use 2026-11-01 or 2026-11-01T10:00:00Z)", "permissions", "report", "--principal", "arn:aws:iam::111122223333:user/chen", "--at", "soon")]
    [InlineData("error: missing value for --since (use 2026-11-01 or 2026-11-01T10:00:00Z)", "timeline", "--since")]
    [InlineData("error: invalid cursor 'page2' for --cursor (use the cursor a previous page printed, e.g. 639322611549914056.3f275a20010f8dd789db4b46ae6559b5)", "timeline", "--cursor", "page2")]
    public async Task BadValues_AreOneLineForEveryCommand(string expected, params string[] args)
    {
        var (exitCode, output, error) = await RunAsync(args);

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Equal("", output);
        Assert.Equal(expected, error.TrimEnd());
    }

    [Fact]
    public async Task AlertId_NotAGuid_NamesTheArgumentAndWhereIdsComeFrom()
    {
        var (exitCode, _, error) = await RunAsync("alerts", "ack", "not-an-id", "--note", "drill");

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.StartsWith("error: invalid id 'not-an-id' for ID (use an id such as ", error);
    }

    [Fact]
    public async Task RequiredOptionMissing_SaysWhichAndPointsToHelp()
    {
        var (exitCode, _, error) = await RunAsync("alerts", "suppressions", "add", "--rule", "root.api-call");

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Equal("error: missing --note: why this is known good (see `activitywatch alerts suppressions add --help`)", error.TrimEnd());
    }

    [Fact]
    public async Task UnknownOption_IsOneLineWithTheCommandsHelp()
    {
        var (exitCode, _, error) = await RunAsync("timeline", "--principle", "x");

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Equal("error: unknown option or argument '--principle' for `activitywatch timeline` (see `activitywatch timeline --help`)", error.TrimEnd());
    }

    [Theory]
    [InlineData("2026-11-02", "2026-11-02T00:00:00+00:00")]
    [InlineData("2026-11-02T08:30", "2026-11-02T08:30:00+00:00")]
    [InlineData("2026-11-02 08:30:15", "2026-11-02T08:30:15+00:00")]
    [InlineData("2026-11-02T08:30:15Z", "2026-11-02T08:30:15+00:00")]
    [InlineData("2026-11-02T10:30:15+02:00", "2026-11-02T08:30:15+00:00")]
    public void Times_AreUtcUnlessAnOffsetIsWritten(string text, string expected)
    {
        Assert.True(Output.TimeArgument.TryParse(text, out var value));
        Assert.Equal(DateTimeOffset.Parse(expected), value);
        Assert.Equal(TimeSpan.Zero, value.Offset);
    }
}
