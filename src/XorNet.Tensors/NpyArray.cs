namespace XorNet.Tensors;

/// <summary>
/// One NumPy array as .npy stores it: a shape (row-major, C order) and a flat buffer of one element type:
/// double[] (&lt;f8), float[] (&lt;f4), long[] (&lt;i8) or string[] (&lt;U, fixed-width UTF-32 text).
/// </summary>
public sealed class NpyArray
{
    public int[] Shape { get; }
    public Array Values { get; }

    public NpyArray(int[] shape, Array values)
    {
        if (values is not (double[] or float[] or long[] or string[]))
            throw new ArgumentException(
                $"Unsupported element type {values.GetType().Name}; use double[], float[], long[] or string[].",
                nameof(values));
        long count = 1;
        foreach (int n in shape)
            count = n >= 0 ? count * n
                : throw new ArgumentException($"Negative dimension in shape {Describe(shape)}.", nameof(shape));
        if (count != values.Length)
            throw new ArgumentException($"{values.Length} values do not fill shape {Describe(shape)}.", nameof(values));
        Shape = shape;
        Values = values;
    }

    /// <summary>NumPy's dtype string: '&lt;f8', '&lt;f4', '&lt;i8' or '&lt;U{width}'.</summary>
    public string DType => Values switch
    {
        double[] => "<f8",
        float[] => "<f4",
        long[] => "<i8",
        string[] s => $"<U{Math.Max(1, s.Length == 0 ? 1 : s.Max(v => v.Length))}",
        _ => throw new InvalidOperationException(),
    };

    /// <summary>The shape as Python prints it: "()", "(3,)", "(2, 3)".</summary>
    public string ShapeText => Describe(Shape);

    public static string Describe(int[] shape) =>
        shape.Length == 1 ? $"({shape[0]},)" : $"({string.Join(", ", shape)})";

    public static NpyArray FromMatrix(Matrix m) => new([m.Rows, m.Cols], (double[])m.Data.Clone());

    public static NpyArray Vector(params double[] values) => new([values.Length], (double[])values.Clone());

    public static NpyArray Scalar(long value) => new([], new[] { value });

    public static NpyArray Scalar(string value) => new([], new[] { value });

    /// <summary>The values as doubles when the dtype is a float type (float32 widens exactly), else null.</summary>
    public double[]? AsDoubles() => Values switch
    {
        double[] d => d,
        float[] f => Array.ConvertAll(f, v => (double)v),
        _ => null,
    };
}
