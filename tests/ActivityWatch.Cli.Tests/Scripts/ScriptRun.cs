using System.Diagnostics;

namespace ActivityWatch.Cli.Tests.Scripts;

/// <summary>Runs one of the repository's scripts (scripts/*.sh) with the environment a test gives, as a person would from a shell.</summary>
public static class ScriptRun
{
    /// <summary>The checkout the tests were built from: the folder above tests/.</summary>
    public static string Root { get; } = FindRoot();

    public static ProcessStartInfo Start(string script, IDictionary<string, string?> environment, params string[] args)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Root };
        start.ArgumentList.Add(Path.Combine(Root, "scripts", script));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (key, value) in environment)
        {
            if (value is null) start.Environment.Remove(key);
            else start.Environment[key] = value;
        }
        return start;
    }

    public static async Task<(int ExitCode, string Out, string Error)> RunAsync(string script, IDictionary<string, string?> environment, params string[] args)
    {
        using var process = Process.Start(Start(script, environment, args))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "scripts", "postgres.sh"))) return dir.FullName;
        }
        throw new InvalidOperationException($"no scripts/postgres.sh above {AppContext.BaseDirectory}");
    }
}
