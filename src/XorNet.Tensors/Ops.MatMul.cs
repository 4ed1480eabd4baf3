namespace XorNet.Tensors;

public static partial class Ops
{
    /// <summary>Computes destination = a · b, for a (n×k), b (k×m), destination (n×m).</summary>
    public static void MatMul(Matrix a, Matrix b, Matrix destination)
    {
        if (a.Cols != b.Rows)
            throw new ArgumentException(
                $"Shape mismatch: cannot multiply {a.Shape} · {b.Shape}: inner sizes {a.Cols} and {b.Rows} differ.");
        RequireShape(destination, a.Rows, b.Cols, nameof(destination), "{0} · {1}", a, b);
        RequireNoAlias(destination, a, b);
        if (UseBlocked(a.Rows, a.Cols, b.Cols))
            MatMulBlocked(new(a.Data, a.Cols, 1), new(b.Data, b.Cols, 1), destination.Data, a.Rows, a.Cols, b.Cols,
                MicroKernels.For(b.Cols), MaxMatMulThreads);
        else
            MatMulSmall(new(a.Data, a.Cols, 1), new(b.Data, b.Cols, 1), destination.Data, a.Rows, a.Cols, b.Cols);
    }

    /// <summary>Computes destination = a · b + row, the (1×m) row broadcast over the rows: MatMul then AddRowVector
    /// (the same bits), in one pass for small products.</summary>
    public static void MatMulAddRowVector(Matrix a, Matrix b, Matrix row, Matrix destination)
    {
        if (a.Cols != b.Rows)
            throw new ArgumentException(
                $"Shape mismatch: cannot multiply {a.Shape} · {b.Shape}: inner sizes {a.Cols} and {b.Rows} differ.");
        RequireShape(destination, a.Rows, b.Cols, nameof(destination), "{0} · {1}", a, b);
        RequireShape(row, 1, b.Cols, nameof(row), "adding a row to {0} · {1}", a, b);
        RequireNoAlias(destination, a, b);
        if (UseBlocked(a.Rows, a.Cols, b.Cols))
        {
            MatMul(a, b, destination);
            AddRowVector(destination, row, destination);
            return;
        }
        MatMulSmall(new(a.Data, a.Cols, 1), new(b.Data, b.Cols, 1), destination.Data, a.Rows, a.Cols, b.Cols, row.Data);
    }

    /// <summary>Computes destination = aᵀ · b, for a (k×n), b (k×m), destination (n×m), without forming aᵀ.</summary>
    public static void MatMulTransposeA(Matrix a, Matrix b, Matrix destination)
    {
        if (a.Rows != b.Rows)
            throw new ArgumentException(
                $"Shape mismatch: cannot multiply {a.Shape}ᵀ · {b.Shape}: row counts {a.Rows} and {b.Rows} differ.");
        RequireShape(destination, a.Cols, b.Cols, nameof(destination), "{0}ᵀ · {1}", a, b);
        RequireNoAlias(destination, a, b);
        int n = a.Cols, m = b.Cols;
        if (UseBlocked(n, a.Rows, m))
        {
            MatMulBlocked(new(a.Data, 1, n), new(b.Data, m, 1), destination.Data, n, a.Rows, m, MicroKernels.For(m),
                MaxMatMulThreads);
            return;
        }
        MatMulSmall(new(a.Data, 1, n), new(b.Data, m, 1), destination.Data, n, a.Rows, m);
    }

    /// <summary>Computes destination = a · bᵀ, for a (n×k), b (m×k), destination (n×m), without forming bᵀ.</summary>
    public static void MatMulTransposeB(Matrix a, Matrix b, Matrix destination)
    {
        if (a.Cols != b.Cols)
            throw new ArgumentException(
                $"Shape mismatch: cannot multiply {a.Shape} · {b.Shape}ᵀ: column counts {a.Cols} and {b.Cols} differ.");
        RequireShape(destination, a.Rows, b.Rows, nameof(destination), "{0} · {1}ᵀ", a, b);
        RequireNoAlias(destination, a, b);
        if (UseBlocked(a.Rows, a.Cols, b.Rows))
        {
            MatMulBlocked(new(a.Data, a.Cols, 1), new(b.Data, 1, b.Cols), destination.Data, a.Rows, a.Cols, b.Rows,
                MicroKernels.For(b.Rows), MaxMatMulThreads);
            return;
        }
        MatMulSmall(new(a.Data, a.Cols, 1), new(b.Data, 1, b.Cols), destination.Data, a.Rows, a.Cols, b.Rows);
    }

    /// <summary>The textbook triple loop, destination = a · b; the reference the fast kernels are tested
    /// against.</summary>
    public static void MatMulNaive(Matrix a, Matrix b, Matrix destination)
    {
        if (a.Cols != b.Rows)
            throw new ArgumentException(
                $"Shape mismatch: cannot multiply {a.Shape} · {b.Shape}: inner sizes {a.Cols} and {b.Rows} differ.");
        RequireShape(destination, a.Rows, b.Cols, nameof(destination), "{0} · {1}", a, b);
        for (int i = 0; i < a.Rows; i++)
            for (int j = 0; j < b.Cols; j++)
            {
                double sum = 0;
                for (int p = 0; p < a.Cols; p++)
                    sum += a[i, p] * b[p, j];
                destination[i, j] = sum;
            }
    }

    /// <summary>destination[i] += x[i] * s.</summary>
    private static void AddScaled(Span<double> destination, ReadOnlySpan<double> x,
        double s) => MultiplyAdd(destination, x, s, destination);

    private static void RequireNoAlias(Matrix destination, Matrix a, Matrix b)
    {
        if (ReferenceEquals(destination, a) || ReferenceEquals(destination, b))
            throw new ArgumentException("The destination of a matrix product must not be one of its inputs.",
                nameof(destination));
    }
}
