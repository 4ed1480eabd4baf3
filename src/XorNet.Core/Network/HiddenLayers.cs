namespace XorNet;

/// <summary>
/// The widths of the hidden layers from input to output, spelt as an MLP usually is: "8x8x4" is three hidden layers,
/// "3" one of 3 neurons (the article's), "0" none (the linear model). An int converts to one hidden layer.
/// </summary>
public sealed class HiddenLayers : IEquatable<HiddenLayers>
{
    public const int MaxLayers = 16, MaxWidth = 100_000;

    private readonly int[] _widths;

    public HiddenLayers(params int[] widths) => _widths = (int[])widths.Clone();

    /// <summary>The widths H1, H2, …, from the input side; empty for the linear model.</summary>
    public IReadOnlyList<int> Widths => _widths;
    public int Count => _widths.Length;
    /// <summary>All hidden neurons together (0 for the linear model).</summary>
    public long TotalNeurons => _widths.Sum(w => (long)w);

    public static implicit operator HiddenLayers(int width) => width == 0 ? new() : new(width);

    /// <summary>"8x8x4", "3" or "0"; null when text is not such a spelling (the range is
    /// <see cref="IsValid"/>'s).</summary>
    public static HiddenLayers? Parse(string text)
    {
        string[] parts = text.Trim().Split('x');
        var widths = new int[parts.Length];
        for (int i = 0; i < parts.Length; i++)
            if (!int.TryParse(parts[i], System.Globalization.NumberStyles.None, null, out widths[i])) return null;
        if (widths.Length == 1 && widths[0] == 0) return new();
        return new(widths);
    }

    /// <summary>At most <see cref="MaxLayers"/> layers, each 1 to <see cref="MaxWidth"/> wide (the rule of
    /// <see cref="ConfigRules"/>).</summary>
    public bool IsValid => _widths.Length <= MaxLayers && _widths.All(w => w >= 1 && w <= MaxWidth);

    /// <summary>The layer widths of the whole network: D, H1, …, K.</summary>
    public int[] WithEnds(int inputs, int classes) => [inputs, .. _widths, classes];

    public override string ToString() => _widths.Length == 0 ? "0" : string.Join("x", _widths);
    public bool Equals(HiddenLayers? other) => other is not null && _widths.AsSpan().SequenceEqual(other._widths);
    public override bool Equals(object? obj) => Equals(obj as HiddenLayers);
    public override int GetHashCode() => _widths.Aggregate(17, HashCode.Combine);
}
