using System.CommandLine;

namespace XorNet.Cli;

/// <summary>`--hidden 8x8x4`: the hidden layers' widths from input to output ("3" one layer, "0" none), as train reads them.</summary>
public static class HiddenOption
{
    public static Option<string> Create(string description = "Hidden layers' widths from input to output: 3, 8x8x4, or 0 for none") =>
        new("--hidden") { Description = description, DefaultValueFactory = _ => new TrainingConfig().Hidden.ToString() };

    /// <summary>The parsed widths; a spelling that is not one is a usage error naming the option.</summary>
    public static HiddenLayers Read(ParseResult parse, Option<string> option)
    {
        string text = parse.GetValue(option)!;
        return HiddenLayers.Parse(text) ?? throw new UsageException($"--hidden {text}: must be {OptionRanges.For("train", "--hidden")}");
    }
}
