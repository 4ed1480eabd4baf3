using System.CommandLine;
using System.Globalization;
using XorNet.Plotting;

namespace XorNet.Cli;

/// <summary>
/// Every option of xornet, declared once: its name, the setting it fills (a field of <see cref="TrainingConfig"/>,
/// <see cref="QualityGates"/>, <see cref="OutputSettings"/>, or none), what it accepts (the core's rule for that
/// field from <see cref="ConfigRules"/>, a rule of the CLI's own, or words for paths) and its default. Commands
/// take their options from here, and the CLI alone turns the core's fields into option names
/// (<see cref="NameOf"/>, <see cref="Text(Message)"/>). Adding an option: one row here, one field in the config.
/// </summary>
public static partial class OptionTable
{
    /// <summary>The setting an option fills, its rule (if its values are checked) or the words for its range.</summary>
    private sealed record Row(string? Field, Rule? Rule, string? Words)
    {
        public string? Range => Rule?.Text ?? Words;
    }

    // Lazy, not initialised fields: the rows (in OptionTable.Rows.cs) may be initialised before this file's fields.
    private static Dictionary<Option, Row>? _rows;
    private static Dictionary<string, string>? _names;
    private static Dictionary<Option, Row> Rows => _rows ??= [];
    private static Dictionary<string, string> Names => _names ??= [];
    private static TrainingConfig D => new(); // the defaults

    /// <summary>What the option accepts, in words; null for flags.</summary>
    public static string? RangeOf(Option option) => Rows.GetValueOrDefault(option)?.Range;

    /// <summary>The field an option sets (null for options that set none).</summary>
    public static string? FieldOf(Option option) => Rows.GetValueOrDefault(option)?.Field;

    /// <summary>The option that sets a field ("--lr" for LearningRate); the field itself when no option does.</summary>
    public static string NameOf(string field) => Names.GetValueOrDefault(field, field);

    /// <summary>A core message with its settings spelled as options: "Try --lr 0.2, or --clip-norm 0.1 …".</summary>
    public static string Text(Message message) => message.Format(NameOf);

    /// <summary>A core problem as the user reads it: "--hidden 0: must be a whole number between 1 and …".</summary>
    public static string Text(ConfigProblem problem) => problem.Format(NameOf);

    /// <summary>The option's value, refused with the option's rule as the reason when it breaks it.</summary>
    public static T Checked<T>(ParseResult parse, Option<T> option)
    {
        T value = parse.GetValue(option)!;
        Rule rule = Rows[option].Rule!;
        if (value is null || rule.Accepts(value)) return value;
        string shown = Convert.ToString(value, CultureInfo.InvariantCulture)!;
        throw new UsageException($"{option.Name} {shown}: {rule.Refused(NameOf)}");
    }

    /// <summary>--hidden's text ("8x8x4") is accepted when it spells widths that the core's Hidden rule
    /// accepts.</summary>
    private static Rule HiddenSpelling => ConfigRules.For(nameof(TrainingConfig.Hidden))! is var rule
        ? rule with { Accepts = v => v is string s && HiddenLayers.Parse(s) is { } h && rule.Accepts(h) }
        : null!;

    /// <summary>--hidden parsed into widths, or a usage error with the option's range.</summary>
    public static HiddenLayers ReadHidden(ParseResult parse) => HiddenLayers.Parse(Checked(parse, Hidden))!;

    /// <summary>--features parsed into the map, or a usage error listing the valid names.</summary>
    public static FeatureMap ReadFeatures(ParseResult parse) => FeatureMap.Parse(Checked(parse, Features))!;

    /// <summary>
    /// Options whose one value is already a comma-separated list: compare separates their alternatives with '/'
    /// (--features x1,x2/x1,x2,x1x2 is two runs).
    /// </summary>
    public static IReadOnlyList<string> ListValued => [Features.Name];

    /// <summary>--hidden for --reference: the article's program has exactly one hidden layer.</summary>
    public static HiddenLayers ReferenceHidden(ParseResult parse)
    {
        HiddenLayers hidden = ReadHidden(parse);
        if (hidden.Count != 1)
            throw new UsageException($"--hidden {parse.GetValue(Hidden)}: --reference has exactly one hidden layer");
        return hidden;
    }

    private static Option<T> Add<T>(Option<T> option, string? field = null, Rule? rule = null, string? words = null)
    {
        Rows.Add(option, new Row(field, rule ?? (field is null ? null : ConfigRules.For(field)), words));
        if (field is not null) Names.TryAdd(field, option.Name);
        return option;
    }

    /// <summary>An option that accepts only the lever's names, e.g. --activation sigmoid|tanh|relu.</summary>
    private static Option<string> Choice<T>(string name, string field, string description, string defaultValue)
        where T : struct, Enum
    {
        string[] names = LeverNames.All<T>();
        var option = new Option<string>(name)
        {
            Description = $"{description} ({string.Join("|", names)})",
            DefaultValueFactory = _ => defaultValue,
        };
        AcceptOnly(option, names);
        return Add(option, field);
    }

    /// <summary>As AcceptOnlyFromAmong, but the error is one line naming the option (the bad-input contract).</summary>
    private static void AcceptOnly(Option<string> option, string[] names)
    {
        option.Validators.Add(result =>
        {
            string? value = result.GetValueOrDefault<string>();
            if (value is not null && !names.Contains(value, StringComparer.OrdinalIgnoreCase))
                result.AddError($"{option.Name} {value}: must be one of {string.Join("|", names)}");
        });
    }
}
