namespace XorNet.Tensors;

public static partial class Ops
{
    /// <summary>Computes destination[i] = a[i] + b[i].</summary>
    public static void Add(Matrix a, Matrix b, Matrix destination)
    {
        RequireSameShape(a, b, nameof(b));
        RequireSameShape(a, destination, nameof(destination));
        Map<AddOp>(a.Data, b.Data, destination.Data);
    }

    /// <summary>Computes destination[i] = a[i] − b[i].</summary>
    public static void Subtract(Matrix a, Matrix b, Matrix destination)
    {
        RequireSameShape(a, b, nameof(b));
        RequireSameShape(a, destination, nameof(destination));
        Map<SubtractOp>(a.Data, b.Data, destination.Data);
    }

    /// <summary>Computes destination[i] = a[i] · b[i] (the Hadamard product ⊙).</summary>
    public static void Multiply(Matrix a, Matrix b, Matrix destination)
    {
        RequireSameShape(a, b, nameof(b));
        RequireSameShape(a, destination, nameof(destination));
        Map<MultiplyOp>(a.Data, b.Data, destination.Data);
    }

    /// <summary>Computes destination[i] = a[i] · s.</summary>
    public static void Scale(Matrix a, double s, Matrix destination)
    {
        RequireSameShape(a, destination, nameof(destination));
        Span<double> d = destination.Data;
        ReadOnlySpan<double> x = a.Data;
        for (int i = 0; i < d.Length; i++)
            d[i] = x[i] * s;
    }

    /// <summary>Computes destination[i] = a[i] + s: NumPy's broadcast of a scalar over a matrix.</summary>
    public static void AddScalar(Matrix a, double s, Matrix destination)
    {
        RequireSameShape(a, destination, nameof(destination));
        Span<double> d = destination.Data;
        ReadOnlySpan<double> x = a.Data;
        for (int i = 0; i < d.Length; i++)
            d[i] = x[i] + s;
    }

    /// <summary>Computes destination[i] += x[i] · s (NumPy's d += s * x, BLAS's axpy).</summary>
    public static void AddScaled(Matrix x, double s, Matrix destination)
    {
        RequireSameShape(x, destination, nameof(destination));
        AddScaled(destination.Data, x.Data, s);
    }

    /// <summary>Computes destination[r, c] = a[r, c] + row[0, c]: NumPy's broadcast of a (1×m) row over an (n×m)
    /// matrix.</summary>
    public static void AddRowVector(Matrix a, Matrix row, Matrix destination)
    {
        if (row.Rows != 1 || row.Cols != a.Cols)
            throw new ArgumentException(
                $"Shape mismatch: cannot broadcast {row.Shape} over {a.Shape}: need (1×{a.Cols}).", nameof(row));
        RequireSameShape(a, destination, nameof(destination));
        if (a.Cols < 4)
        {
            AddRowVectorScalar(a.Data, row.Data, destination.Data);
            return;
        }
        for (int r = 0; r < a.Rows; r++)
            Map<AddOp>(a.Row(r), row.Data, destination.Row(r));
    }

    /// <summary>The narrow case (e.g. K = 2 outputs), where a vector per row would be all tail.</summary>
    private static void AddRowVectorScalar(ReadOnlySpan<double> a, ReadOnlySpan<double> row, Span<double> destination)
    {
        for (int i = 0, c = 0; i < a.Length; i++, c = c + 1 == row.Length ? 0 : c + 1)
            destination[i] = a[i] + row[c];
    }
}
