using System.Globalization;

namespace XorNet;

/// <summary>
/// A setting named in a message: a property of <see cref="TrainingConfig"/> (or <see cref="QualityGates"/>) by name,
/// with the value it has or should get (null: the setting itself). The core names settings only this way; each front
/// end spells them its own way (the CLI as its option and the value).
/// </summary>
public sealed record Setting(string Field, object? Value = null);

/// <summary>
/// A sentence for the user whose settings are <see cref="Setting"/> data, not command-line text: advice such as
/// "try {Setting(LearningRate, 0.2)}" stays data (<see cref="Settings"/>) until a front end spells it.
/// Numbers are formatted invariantly; a format after a setting ("{setting:G3}") applies to its value.
/// </summary>
public sealed class Message(FormattableString text)
{
    /// <summary>The settings the sentence names, in order (for advice: what to change, to what).</summary>
    public IReadOnlyList<Setting> Settings =>
        [.. text.GetArguments().SelectMany(a => a is Message m ? m.Settings : a is Setting s ? [s] : [])];

    /// <summary>The sentence, each setting spelled as "name value" (or "name") by <paramref name="name"/>.</summary>
    public string Format(Func<string, string> name) => text.ToString(new Speller(name));

    /// <summary>The sentence with settings named by their fields ("LearningRate 0.2").</summary>
    public override string ToString() => Format(field => field);

    private sealed class Speller(Func<string, string> name) : IFormatProvider, ICustomFormatter
    {
        public object? GetFormat(Type? formatType) => formatType == typeof(ICustomFormatter) ? this : null;

        public string Format(string? format, object? arg, IFormatProvider? formatProvider) => arg switch
        {
            Setting { Value: null } s => name(s.Field),
            Setting s => $"{name(s.Field)} {Invariant(s.Value, format)}",
            Message m => m.Format(name),
            _ => Invariant(arg, format),
        };

        private static string Invariant(object? value, string? format) =>
            value is IFormattable f ? f.ToString(format, CultureInfo.InvariantCulture) : value?.ToString() ?? "";
    }
}
