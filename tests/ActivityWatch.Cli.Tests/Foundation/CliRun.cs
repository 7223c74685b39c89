using ActivityWatch.Testing;

namespace ActivityWatch.Cli.Tests.Foundation;

/// <summary>Runs the real command line in-process against a test host's dataset, capturing its output.</summary>
public static class CliRun
{
    public static Task<(int ExitCode, string Out, string Error)> RunAsync(TestHost host, params string[] args) =>
        RunAsync(host.Settings, args);

    public static Task<(int ExitCode, string Out, string Error)> RunAsync(IDictionary<string, string?> settings, params string[] args) =>
        RunAsync(settings, isTerminal: false, args);

    /// <summary><paramref name="isTerminal"/>: run as if a person watched stderr (progress bars are drawn).</summary>
    public static async Task<(int ExitCode, string Out, string Error)> RunAsync(IDictionary<string, string?> settings, bool isTerminal, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CliApplication.RunAsync(args, new CliContext(output, error, isTerminal, settings));
        return (exitCode, output.ToString(), error.ToString());
    }
}
