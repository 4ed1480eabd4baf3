using System.CommandLine;

namespace XorNet.Cli;

/// <summary>
/// What every option accepts, in words: the "must be …" half of a message about a bad value, also for values
/// System.CommandLine cannot even convert ("--hidden abc", "--seed 99999999999999999999"). The words come from
/// <see cref="OptionTable"/> (for config fields: the core's <see cref="ConfigRules"/>, which Validate enforces).
/// </summary>
public static class OptionRanges
{
    private static readonly Lazy<RootCommand> Tree = new(() => Program.CreateRoot(TextWriter.Null, TextWriter.Null));

    /// <summary>The accepted values of an option of a command, or null for flags (which take no value).</summary>
    public static string? For(string command, string option) =>
        Tree.Value.Subcommands.FirstOrDefault(c => c.Name == command)?.Options.FirstOrDefault(o => o.Name == option)
            is { } found ? OptionTable.RangeOf(found) : null;
}
