using XorNet.Tensors;

namespace XorNet;

/// <summary>
/// The network's inputs computed from a point (x1, x2), as TensorFlow Playground offers them: x1, x2, x1², x2², x1·x2,
/// sin x1, sin x2, in the chosen order. The network sees D = <see cref="D"/> columns; the data and the pictures stay
/// in the (x1, x2) plane. The plain map (x1, x2) copies the points bit for bit.
/// </summary>
public sealed class FeatureMap : IEquatable<FeatureMap>
{
    /// <summary>Every feature's name, in the order Playground lists them.</summary>
    public static IReadOnlyList<string> Known { get; } = ["x1", "x2", "x1^2", "x2^2", "x1x2", "sin_x1", "sin_x2"];

    /// <summary>x1, x2: the points as they are (what every run used before features).</summary>
    public static FeatureMap Plain { get; } = new([0, 1]);

    private readonly int[] _kinds; // indices into Known

    private FeatureMap(int[] kinds) => _kinds = kinds;

    /// <summary>The features in the network's input order.</summary>
    public IReadOnlyList<string> Names => [.. _kinds.Select(k => Known[k])];

    /// <summary>The network's input width.</summary>
    public int D => _kinds.Length;

    public bool IsPlain => Equals(Plain);

    /// <summary>The map of these names in this order; null when one is unknown or repeated, or none is given.</summary>
    public static FeatureMap? From(IReadOnlyList<string> names)
    {
        int[] kinds = [.. names.Select(n => Known.ToList().IndexOf(n))];
        return kinds.Length == 0 || kinds.Contains(-1) || kinds.Distinct().Count() != kinds.Length ? null : new(kinds);
    }

    /// <summary>"x1,x2,x1x2" (commas, no spaces around the names needed); null as <see cref="From"/>.</summary>
    public static FeatureMap? Parse(string text) => From(text.Split(',', StringSplitOptions.TrimEntries));

    /// <summary>feature k of the point (x1, x2): x1, x2, x1·x1, x2·x2, x1·x2, sin x1 or sin x2.</summary>
    private static double Value(int kind, double x1, double x2) => kind switch
    {
        0 => x1,
        1 => x2,
        2 => x1 * x1,
        3 => x2 * x2,
        4 => x1 * x2,
        5 => Math.Sin(x1),
        _ => Math.Sin(x2),
    };

    /// <summary>destination[j] = feature j of (x1, x2); destination is at least D long.</summary>
    public void Fill(Span<double> destination, double x1, double x2)
    {
        if (destination.Length < D)
            throw new ArgumentException(
                $"Destination of length {destination.Length} is shorter than the {D} features.", nameof(destination));
        for (int j = 0; j < _kinds.Length; j++) destination[j] = Value(_kinds[j], x1, x2);
    }

    /// <summary>points is (N×2): x1, x2 per row; returns (N×D), row i the features of point i.</summary>
    public Matrix Apply(Matrix points)
    {
        if (points.Cols != 2)
            throw new ArgumentException($"Points {points.Shape} must have 2 columns (x1, x2).", nameof(points));
        var features = new Matrix(points.Rows, D);
        for (int i = 0; i < points.Rows; i++) Fill(features.Row(i), points[i, 0], points[i, 1]);
        return features;
    }

    /// <summary>The same labelled points with the features as their columns.</summary>
    public Dataset Apply(Dataset data) => data with { X = Apply(data.X) };

    public bool Equals(FeatureMap? other) => other is not null && _kinds.AsSpan().SequenceEqual(other._kinds);

    public override bool Equals(object? obj) => Equals(obj as FeatureMap);

    public override int GetHashCode() => _kinds.Aggregate(17, (h, k) => h * 31 + k);

    /// <summary>"x1,x2,x1x2": the names in order, as --features spells them.</summary>
    public override string ToString() => string.Join(",", Names);
}
