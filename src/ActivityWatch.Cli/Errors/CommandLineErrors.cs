using System.CommandLine;
using System.CommandLine.Completions;
using System.CommandLine.Parsing;
using ActivityWatch.Cli.Output;

namespace ActivityWatch.Cli.Errors;

/// <summary>
/// A command line that cannot be read, said in one line that names the option and the forms it
/// accepts ("invalid date '2026-13-45' for --since (use 2026-11-01 or 2026-11-01T10:00:00Z)"),
/// instead of System.CommandLine's .NET type names followed by the whole help text.
/// </summary>
public static class CommandLineErrors
{
    public static string Describe(ParseResult parse)
    {
        var error = parse.Errors[0];
        var command = CommandPath(parse.CommandResult);
        var help = $"see `{command} --help`";
        if (parse.UnmatchedTokens.Count > 0 && error.SymbolResult is null or CommandResult)
            return $"unknown option or argument '{parse.UnmatchedTokens[0]}' for `{command}` ({help})";
        return error.SymbolResult switch
        {
            ArgumentResult { Parent: OptionResult { IdentifierTokenCount: 0 } option } => Missing(option.Option, help),
            OptionResult { IdentifierTokenCount: 0 } option => Missing(option.Option, help),
            ArgumentResult { Parent: OptionResult option } argument => Value(error, option.Option.Name, option.Option.ValueType, Token(argument), option.Option),
            OptionResult option => Value(error, option.Option.Name, option.Option.ValueType, Token(option), option.Option),
            ArgumentResult argument when Token(argument) is null => $"missing {argument.Argument.Name.ToUpperInvariant()} for `{command}` ({help})",
            ArgumentResult argument => Value(error, argument.Argument.Name.ToUpperInvariant(), argument.Argument.ValueType, Token(argument), argument.Argument),
            _ => $"{Lower(error.Message.TrimEnd('.'))} ({help})",
        };
    }

    private static string Missing(Option option, string help) =>
        $"missing {option.Name}{(option.Description is { Length: > 0 } d ? $": {Lower(d.TrimEnd('.'))}" : "")} ({help})";

    private static string Value(ParseError error, string name, Type type, string? token, Symbol symbol)
    {
        // Our own parsers and validators already say it our way.
        if (error.Message.StartsWith("invalid ", StringComparison.Ordinal)) return error.Message;
        var forms = Forms(Nullable.GetUnderlyingType(type) ?? type, symbol);
        if (token is null) return $"missing value for {name}{(forms is null ? "" : $" ({forms})")}";
        return forms is null ? $"{Lower(error.Message.TrimEnd('.'))}" : $"invalid {Kind(type)} '{token}' for {name} ({forms})";
    }

    private static string? Forms(Type type, Symbol symbol)
    {
        // AcceptOnlyFromAmong and enums offer their values as completions.
        var choices = symbol.GetCompletions(CompletionContext.Empty).Select(c => c.Label).ToList();
        if (type.IsEnum) choices = Enum.GetNames(type).Select(n => n.ToLowerInvariant()).ToList();
        if (type == typeof(bool)) return null;
        if (choices.Count > 0) return "use " + OneOf(choices);
        if (type == typeof(DateTimeOffset) || type == typeof(DateTime)) return TimeArgument.Forms;
        if (type == typeof(int) || type == typeof(long)) return "use a whole number, e.g. 100";
        if (type == typeof(double)) return "use a number, e.g. 1.5";
        if (type == typeof(Guid)) return "use an id such as 3f275a20-010f-8dd7-89db-4b46ae6559b5, as `list` prints it";
        return null;
    }

    private static string Kind(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t == typeof(DateTimeOffset) || t == typeof(DateTime) ? "date"
            : t == typeof(int) || t == typeof(long) || t == typeof(double) ? "number"
            : t == typeof(Guid) ? "id"
            : "value";
    }

    private static string OneOf(IReadOnlyList<string> values) =>
        values.Count == 1 ? values[0] : string.Join(", ", values.Take(values.Count - 1)) + " or " + values[^1];

    private static string? Token(SymbolResult result) => result.Tokens.Count > 0 ? result.Tokens[^1].Value : null;

    private static string CommandPath(CommandResult? result)
    {
        var names = new List<string>();
        for (SymbolResult? current = result; current is not null; current = current.Parent)
        {
            if (current is CommandResult command) names.Insert(0, command.Parent is null ? "activitywatch" : command.Command.Name);
        }
        return names.Count == 0 ? "activitywatch" : string.Join(" ", names);
    }

    private static string Lower(string text) => text.Length == 0 ? text : char.ToLowerInvariant(text[0]) + text[1..];
}
