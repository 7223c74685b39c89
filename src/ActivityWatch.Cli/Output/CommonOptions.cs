using System.CommandLine;

namespace ActivityWatch.Cli.Output;

/// <summary>Options that several commands share, so they read the same everywhere.</summary>
public static class CommonOptions
{
    public static Option<OutputFormat> Format(OutputFormat fallback = OutputFormat.Table) => new("--format")
    {
        Description = "Output format: table for people, json for scripts.",
        DefaultValueFactory = _ => fallback,
    };

    public static Option<int> Limit(int fallback = 100) => new("--limit")
    {
        Description = "At most this many items.",
        DefaultValueFactory = _ => fallback,
    };

    public static Option<DateTimeOffset?> Since() => new("--since") { Description = "From this time (ISO 8601, e.g. 2026-11-02 or 2026-11-02T08:00:00Z)." };

    public static Option<DateTimeOffset?> Until() => new("--until") { Description = "Before this time (ISO 8601)." };
}
