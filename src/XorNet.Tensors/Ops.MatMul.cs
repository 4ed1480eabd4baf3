using System.Numerics;

namespace XorNet.Tensors;

public static partial class Ops
{
    /// <summary>Computes destination = a · b, for a (n×k), b (k×m), destination (n×m).</summary>
    public static void MatMul(Matrix a, Matrix b, Matrix destination)
    {
        if (a.Cols != b.Rows)
            throw new ArgumentException($"Shape mismatch: cannot multiply {a.Shape} · {b.Shape}: inner sizes {a.Cols} and {b.Rows} differ.");
        RequireShape(destination, a.Rows, b.Cols, nameof(destination), $"{a.Shape} · {b.Shape}");
        RequireNoAlias(destination, a, b);
        MatMulKernel(a.Data, b.Data, destination.Data, a.Rows, a.Cols, b.Cols);
    }

    /// <summary>Computes destination = aᵀ · b, for a (k×n), b (k×m), destination (n×m), without forming aᵀ.</summary>
    public static void MatMulTransposeA(Matrix a, Matrix b, Matrix destination)
    {
        if (a.Rows != b.Rows)
            throw new ArgumentException($"Shape mismatch: cannot multiply {a.Shape}ᵀ · {b.Shape}: row counts {a.Rows} and {b.Rows} differ.");
        RequireShape(destination, a.Cols, b.Cols, nameof(destination), $"{a.Shape}ᵀ · {b.Shape}");
        RequireNoAlias(destination, a, b);
        destination.Fill(0);
        int n = a.Cols, m = b.Cols;
        for (int p = 0; p < a.Rows; p++)
        {
            ReadOnlySpan<double> aRow = a.Row(p), bRow = b.Row(p);
            for (int i = 0; i < n; i++)
                AddScaled(destination.Data.AsSpan(i * m, m), bRow, aRow[i]);
        }
    }

    /// <summary>Computes destination = a · bᵀ, for a (n×k), b (m×k), destination (n×m), without forming bᵀ.</summary>
    public static void MatMulTransposeB(Matrix a, Matrix b, Matrix destination)
    {
        if (a.Cols != b.Cols)
            throw new ArgumentException($"Shape mismatch: cannot multiply {a.Shape} · {b.Shape}ᵀ: column counts {a.Cols} and {b.Cols} differ.");
        RequireShape(destination, a.Rows, b.Rows, nameof(destination), $"{a.Shape} · {b.Shape}ᵀ");
        RequireNoAlias(destination, a, b);
        for (int i = 0; i < a.Rows; i++)
        {
            ReadOnlySpan<double> aRow = a.Row(i);
            Span<double> dRow = destination.Row(i);
            for (int j = 0; j < b.Rows; j++)
                dRow[j] = Dot(aRow, b.Row(j));
        }
    }

    /// <summary>The textbook triple loop, destination = a · b; the reference the fast kernels are tested against.</summary>
    public static void MatMulNaive(Matrix a, Matrix b, Matrix destination)
    {
        if (a.Cols != b.Rows)
            throw new ArgumentException($"Shape mismatch: cannot multiply {a.Shape} · {b.Shape}: inner sizes {a.Cols} and {b.Rows} differ.");
        RequireShape(destination, a.Rows, b.Cols, nameof(destination), $"{a.Shape} · {b.Shape}");
        for (int i = 0; i < a.Rows; i++)
            for (int j = 0; j < b.Cols; j++)
            {
                double sum = 0;
                for (int p = 0; p < a.Cols; p++)
                    sum += a[i, p] * b[p, j];
                destination[i, j] = sum;
            }
    }

    /// <summary>Row-major i-p-j loop: each row of the result accumulates scaled rows of b (vectorised).</summary>
    private static void MatMulKernel(double[] a, double[] b, double[] c, int n, int k, int m)
    {
        for (int i = 0; i < n; i++)
        {
            Span<double> cRow = c.AsSpan(i * m, m);
            cRow.Clear();
            for (int p = 0; p < k; p++)
                AddScaled(cRow, b.AsSpan(p * m, m), a[i * k + p]);
        }
    }

    /// <summary>destination[i] += x[i] * s.</summary>
    private static void AddScaled(Span<double> destination, ReadOnlySpan<double> x, double s)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated && destination.Length >= Vector<double>.Count)
        {
            var vs = new Vector<double>(s);
            for (; i <= destination.Length - Vector<double>.Count; i += Vector<double>.Count)
            {
                var d = new Vector<double>(destination[i..]);
                (d + new Vector<double>(x[i..]) * vs).CopyTo(destination[i..]);
            }
        }
        for (; i < destination.Length; i++)
            destination[i] += x[i] * s;
    }

    private static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        double sum = 0;
        for (int i = 0; i < x.Length; i++)
            sum += x[i] * y[i];
        return sum;
    }

    private static void RequireNoAlias(Matrix destination, Matrix a, Matrix b)
    {
        if (ReferenceEquals(destination, a) || ReferenceEquals(destination, b))
            throw new ArgumentException("The destination of a matrix product must not be one of its inputs.", nameof(destination));
    }
}
