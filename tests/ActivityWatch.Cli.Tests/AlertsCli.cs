using ActivityWatch.Monitoring.Store;
using ActivityWatch.Testing;

namespace ActivityWatch.Cli.Tests;

/// <summary>
/// Runs CLI commands on a test host's dataset with no daemon of their own: the test host's daemon
/// is the only one evaluating, as on a query-only node.
/// </summary>
public static class AlertsCli
{
    public static async Task<(int ExitCode, string Out, string Error)> RunAsync(TestHost host, params string[] args)
    {
        var settings = new Dictionary<string, string?>(host.Settings) { [$"{ProjectionOptions.Section}:Daemon"] = nameof(DaemonRole.Disabled) };
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CliApplication.RunAsync(args, new CliContext(output, error, isTerminal: false, settings));
        return (exitCode, output.ToString(), error.ToString());
    }
}
