using System.Diagnostics;

namespace ActivityWatch.Cli.Tests.Foundation;

/// <summary>
/// Runs the built `activitywatch` as its own process, as a shell would: what reaches the terminal
/// (log lines included, which an in-process run cannot see) is what the test reads.
/// </summary>
public static class CliProcess
{
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "activitywatch.dll");

    /// <summary>Configuration keys (ActivityWatch:Postgres:Schema) as the environment variables the CLI reads.</summary>
    public static Dictionary<string, string> Environment(IDictionary<string, string?> settings) =>
        settings.Where(s => s.Value is not null).ToDictionary(s => s.Key.Replace(":", "__"), s => s.Value!);

    public static async Task<(int ExitCode, string Out, string Error)> RunAsync(IDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Dll);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (key, value) in environment) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
