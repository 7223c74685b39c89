using System.CommandLine;
using System.CommandLine.Parsing;

namespace ActivityWatch.Cli.Output;

/// <summary>Options that several commands share, so they read the same everywhere.</summary>
public static class CommonOptions
{
    public static Option<OutputFormat> Format(OutputFormat fallback = OutputFormat.Table) => new("--format")
    {
        Description = "Output format: table for people, json for scripts.",
        DefaultValueFactory = _ => fallback,
    };

    public static Option<int> Limit(int fallback = 100)
    {
        var option = new Option<int>("--limit")
        {
            Description = "At most this many items.",
            DefaultValueFactory = _ => fallback,
        };
        option.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0 && int.TryParse(result.Tokens[0].Value, out var value) && value < 1)
                result.AddError($"invalid number '{result.Tokens[0].Value}' for --limit (use 1 or more, e.g. {fallback})");
        });
        return option;
    }

    public static Option<DateTimeOffset?> Since() => Time("--since", "From this time, UTC unless an offset is given (e.g. 2026-11-02 or 2026-11-02T08:00:00Z).");

    public static Option<DateTimeOffset?> Until() => Time("--until", "Before this time (e.g. 2026-11-03 or 2026-11-02T18:00:00Z).");

    private static Option<DateTimeOffset?> Time(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = result => Parse(result, name),
    };

    private static DateTimeOffset? Parse(ArgumentResult result, string name)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (TimeArgument.TryParse(text, out var value)) return value;
        result.AddError(TimeArgument.Invalid(text, name));
        return null;
    }
}
