using System.Text;
using System.Text.RegularExpressions;
using ActivityWatch.Cli.Errors;
using ActivityWatch.Cli.Tests.Foundation;
using ActivityWatch.Cli.Tests.Scripts;
using ActivityWatch.Monitoring.Store;
using ActivityWatch.Testing;

namespace ActivityWatch.Cli.Tests;

/// <summary>
/// Every `activitywatch timeline` example in the README finds something in the sample week that
/// ./scripts/start.sh generates (simulate --days 7 --principals 25 --seed 1): a first-hour
/// analyst copies them, and an example that answers nothing teaches that the tool is broken.
/// </summary>
[Collection(AlertsCliCollection.Name)]
public sealed partial class SampleWeekReadmeTests(SampleWeekReadmeTests.SampleWeek week) : IClassFixture<SampleWeekReadmeTests.SampleWeek>
{
    /// <summary>The sample week, generated and stored once for every example (storing only, no daemon: the examples read the timeline index).</summary>
    public sealed class SampleWeek : IAsyncLifetime
    {
        private readonly DirectoryInfo _files = Directory.CreateTempSubdirectory("aw-sample-week-");

        public TestHost Host { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Host = await TestHost.StartAsync(nameof(SampleWeekReadmeTests), DaemonRole.Disabled);
            var (simulated, _, simulateError) = await CliRun.RunAsync(Host, "simulate", "--days", "7", "--principals", "25", "--seed", "1", "--out", _files.FullName);
            Assert.True(simulated == 0, simulateError);
            var (ingested, _, ingestError) = await CliRun.RunAsync(Host, "ingest", "--no-wait", _files.FullName);
            Assert.True(ingested == 0, ingestError);
        }

        public async Task DisposeAsync()
        {
            await Host.DisposeAsync();
            _files.Delete(recursive: true);
        }
    }

    public static IEnumerable<object[]> TimelineExamples()
    {
        var readme = File.ReadAllText(Path.Combine(ScriptRun.Root, "README.md"));
        return Example().Matches(readme).Select(m => new object[] { m.Groups["args"].Value.Trim() });
    }

    [Theory]
    [MemberData(nameof(TimelineExamples))]
    public async Task ReadmeTimelineExample_FindsEventsInTheSampleWeek(string example)
    {
        var (exitCode, output, error) = await CliRun.RunAsync(week.Host.Settings, ["timeline", .. Split(example)]);

        Assert.True(exitCode == ExitCodes.Ok, error);
        Assert.False(error.StartsWith("no events", StringComparison.Ordinal), $"`timeline {example}` found nothing: {error}");
        Assert.NotEqual("", output.Trim());
    }

    [Fact]
    public void Readme_HasTimelineExamples() => Assert.True(TimelineExamples().Count() >= 4);

    // `scripts/activitywatch timeline ARGS` at the start of a line, up to a comment ("  # ...") or the end.
    [GeneratedRegex(@"^scripts/activitywatch timeline (?<args>.+?)(?:\s{2,}#.*)?$", RegexOptions.Multiline)]
    private static partial Regex Example();

    /// <summary>Splits like a POSIX shell for the quoting the README uses: single and double quotes.</summary>
    private static List<string> Split(string line)
    {
        var args = new List<string>();
        var current = new StringBuilder();
        var quote = '\0';
        var any = false;
        foreach (var c in line)
        {
            if (quote != '\0')
            {
                if (c == quote) quote = '\0';
                else current.Append(c);
            }
            else if (c is '\'' or '"') { quote = c; any = true; }
            else if (char.IsWhiteSpace(c))
            {
                if (any || current.Length > 0) args.Add(current.ToString());
                current.Clear();
                any = false;
            }
            else current.Append(c);
        }
        if (any || current.Length > 0) args.Add(current.ToString());
        return args;
    }
}
