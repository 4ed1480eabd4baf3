using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace XorNet.Cli;

/// <summary>
/// Rewrites System.CommandLine's parse errors in our bad-input form: one line naming the option, the value and what
/// it must be ("--hidden abc: must be a whole number between 1 and 100000"). Messages our own validators added
/// (they start with the option's name) pass through unchanged.
/// </summary>
public static class ParseErrors
{
    public static string Describe(ParseResult parse)
    {
        ParseError error = parse.Errors[0];
        OptionResult? option = error.SymbolResult switch
        {
            OptionResult o => o,
            ArgumentResult { Parent: OptionResult o } => o,
            _ => null,
        };
        string command = parse.CommandResult.Command.Name;
        string? described =
            option is not null ? DescribeValue(option, command, error.Message) : DescribeCommand(parse, command);
        return (described ?? error.Message).ReplaceLineEndings(" ");
    }

    private static string? DescribeValue(OptionResult result, string command, string message)
    {
        Option option = result.Option;
        if (message.StartsWith(option.Name + " ", StringComparison.Ordinal)
            || message.StartsWith(option.Name + ":", StringComparison.Ordinal))
            return message; // already ours
        string range = OptionTable.RangeOf(option) ?? "a flag that takes no value";
        string[] values = [.. result.Tokens.Select(t => Shown(t.Value))];
        if (result.IdentifierTokenCount == 0) return $"{option.Name}: required by xornet {command}; must be {range}";
        if (values.Length == 0) return $"{option.Name}: missing its value; must be {range}";
        if (values.Length > 1 && !option.AllowMultipleArgumentsPerToken)
            return $"{option.Name} {string.Join(" ", values)}: takes a single value (given {values.Length}); must be " +
                $"{range}";
        string? bad = result.Tokens.Select(t => t.Value).FirstOrDefault(v => !Converts(v, option.ValueType));
        return bad is null ? null : $"{option.Name} {Shown(bad)}: must be {range}";
    }

    /// <summary>
    /// A numeric value with a comma ("--lr 1,5"): System.CommandLine reads "1,5" as 15 (a thousands separator), so a
    /// decimal comma or a compare list given to train would silently become another number. Returns the error, or null.
    /// </summary>
    public static string? CommaInANumber(ParseResult parse)
    {
        foreach (OptionResult result in parse.CommandResult.Children.OfType<OptionResult>())
        {
            Type type = Nullable.GetUnderlyingType(result.Option.ValueType) ?? result.Option.ValueType;
            if (type != typeof(int) && type != typeof(long) && type != typeof(double)) continue;
            if (result.Tokens.FirstOrDefault(t => t.Value.Contains(',')) is { } token)
                return $"{result.Option.Name} {Shown(token.Value)}: must be {OptionTable.RangeOf(result.Option)} " +
                    "('.' for decimals; lists only in xornet compare)";
        }
        return null;
    }

    /// <summary>Whether System.CommandLine's conversion to the option's type can succeed (strings always
    /// can).</summary>
    private static bool Converts(string value, Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(int)) return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _);
        if (type == typeof(long)) return long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture,
            out _);
        if (type == typeof(double)) return double.TryParse(value, NumberStyles.Float | NumberStyles.AllowThousands,
            CultureInfo.InvariantCulture, out _) && !value.Contains(',');
        if (type == typeof(bool)) return bool.TryParse(value, out _);
        return true;
    }

    /// <summary>Errors about the command line as a whole: no command, a missing required option, a stray
    /// token.</summary>
    private static string? DescribeCommand(ParseResult parse, string command)
    {
        Command current = parse.CommandResult.Command;
        string commands = string.Join(", ", current.Subcommands.Select(c => c.Name));
        if (current is RootCommand)
            return parse.UnmatchedTokens.Count == 0 ? $"no command given; choose one of {commands}"
                : parse.UnmatchedTokens[0].StartsWith('-')
                    ? $"{Shown(parse.UnmatchedTokens[0])}: not an option of xornet; choose a command first: {commands}"
                : $"'{Shown(parse.UnmatchedTokens[0])}': not a command; choose one of {commands}";
        if (parse.UnmatchedTokens.Count > 0)
        {
            string token = Shown(parse.UnmatchedTokens[0]);
            return token.StartsWith('-')
                ? $"{token}: not an option of xornet {command}"
                : $"'{token}': unexpected value (options of xornet {command} take at most one value each; flags take " +
                    "none)";
        }
        Option? missing = current.Options.FirstOrDefault(o => o.Required && parse.GetResult(o) is null);
        return missing is null ? null
            : $"{missing.Name}: required by xornet {command}; must be {OptionTable.RangeOf(missing)}";
    }

    /// <summary>A value as typed, but never more than a line: long or multi-line values are escaped and cut.</summary>
    private static string Shown(string value) => value.Trim().Length == 0 ? $"'{value}'"
        : Tensors.Printable.Of(value, 80);
}
