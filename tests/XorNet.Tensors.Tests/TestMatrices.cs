using XorNet.Tensors;

namespace XorNet.Tensors.Tests;

/// <summary>Seeded random matrices and a plain transpose, shared by the kernel tests.</summary>
internal static class TestMatrices
{
    /// <summary>A (rows×cols) matrix uniform in [−scale, scale).</summary>
    public static Matrix Random(Rng rng, int rows, int cols, double scale = 2)
    {
        var m = new Matrix(rows, cols);
        rng.FillUniform(m, -scale, scale);
        return m;
    }

    /// <summary>aᵀ, materialised by the obvious double loop (the reference for the transposed products).</summary>
    public static Matrix Transpose(Matrix a)
    {
        var t = new Matrix(a.Cols, a.Rows);
        for (int r = 0; r < a.Rows; r++)
            for (int c = 0; c < a.Cols; c++)
                t[c, r] = a[r, c];
        return t;
    }
}
