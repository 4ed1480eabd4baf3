namespace XorNet.Tensors;

/// <summary>
/// NumPy-style operations on <see cref="Matrix"/>. Every operation writes into a caller-owned destination,
/// so a training loop allocates nothing; shape mismatches throw <see cref="ArgumentException"/> naming both shapes.
/// </summary>
public static partial class Ops
{
    internal static void RequireSameShape(Matrix a, Matrix b, string name)
    {
        if (a.Rows != b.Rows || a.Cols != b.Cols)
            throw new ArgumentException($"Shape mismatch: {a.Shape} and {b.Shape} ({name}) must have the same shape.",
                name);
    }

    /// <summary>Throws unless m is (rows×cols); why is a format over the operands' shapes, built only on failure (no
    /// allocation per call).</summary>
    private static void RequireShape(Matrix m, int rows, int cols, string name, string why, Matrix a, Matrix? b = null)
    {
        if (m.Rows != rows || m.Cols != cols)
            throw new ArgumentException(
                $"Shape mismatch: {name} is {m.Shape} but {string.Format(why, a.Shape, b?.Shape)} needs " +
                $"({rows}×{cols}).", name);
    }
}
