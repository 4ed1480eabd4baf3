using System.Globalization;

namespace XorNet;

/// <summary>
/// What a setting accepts, stated once: the words a user reads ("a whole number between 1 and 100000"), the test,
/// and what is said when a value fails it (by default "must be " and the words).
/// </summary>
public sealed record Rule(string Text, Func<object, bool> Accepts, Message? Refusal = null)
{
    /// <summary>What a refused value is told, after "value: "; <paramref name="name"/> spells settings.</summary>
    public string Refused(Func<string, string> name) => Refusal?.Format(name) ?? "must be " + Text;

    public static Rule Whole(long min, long max) =>
        new(Invariant($"a whole number between {min} and {max}"), v => Number(v) >= min && Number(v) <= max);

    public static Rule WholeFrom(long min) => new(Invariant($"a whole number ≥ {min}"), v => Number(v) >= min);

    public static Rule Positive { get; } =
        new("a finite number > 0", v => Number(v) > 0 && double.IsFinite(Number(v)));

    public static Rule NonNegative { get; } =
        new("a finite number ≥ 0", v => Number(v) >= 0 && double.IsFinite(Number(v)));

    /// <summary>A number rule in words of its own ("a number in [0, 1)"); NaN fails every &lt; or ≥ test.</summary>
    public static Rule Number(string text, Func<double, bool> accepts) => new(text, v => accepts(Number(v)));

    public static Rule OneOf(IReadOnlyList<string> names, Message? refusal = null) =>
        new($"one of {string.Join("|", names)}", v => v is string s && names.Contains(s), refusal);

    private static double Number(object value) => Convert.ToDouble(value, CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// A setting the core refuses, as data: which field (a property of <see cref="TrainingConfig"/> or
/// <see cref="QualityGates"/>), which value, and the rule it breaks. A front end names the field its own way.
/// </summary>
public sealed record ConfigProblem(string Field, object? Value, Rule Rule)
{
    /// <summary>The problem, the field spelled by <paramref name="name"/>: "Hidden 0: must be a whole …".</summary>
    public string Format(Func<string, string> name) => Value is null
        ? $"{name(Field)}: {Rule.Refused(name)}"
        : $"{name(Field)} {string.Format(CultureInfo.InvariantCulture, "{0}", Value)}: {Rule.Refused(name)}";

    public override string ToString() => Format(field => field);

    /// <summary>The problem when the value breaks the rule; null when it does not or is not set.</summary>
    public static ConfigProblem? Check(string field, object? value) =>
        value is not null && ConfigRules.For(field) is { } rule && !rule.Accepts(value)
            ? new(field, value, rule)
            : null;
}
