using ActivityWatch.Cli.Tests.Foundation;
using ActivityWatch.Monitoring.Store;
using ActivityWatch.Testing;

namespace ActivityWatch.Cli.Tests;

/// <summary>
/// Runs CLI commands on a test host's dataset with no daemon of their own: the test host's daemon
/// is the only one evaluating, as on a query-only node.
/// </summary>
public static class AlertsCli
{
    public static Task<(int ExitCode, string Out, string Error)> RunAsync(TestHost host, params string[] args) =>
        CliRun.RunAsync(new Dictionary<string, string?>(host.Settings) { [$"{ProjectionOptions.Section}:Daemon"] = nameof(DaemonRole.Disabled) }, args);
}
