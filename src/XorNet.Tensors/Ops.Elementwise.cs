namespace XorNet.Tensors;

public static partial class Ops
{
    /// <summary>Computes destination[i] = a[i] + b[i].</summary>
    public static void Add(Matrix a, Matrix b, Matrix destination)
    {
        RequireSameShape(a, b, nameof(b));
        RequireSameShape(a, destination, nameof(destination));
        for (int i = 0; i < a.Length; i++)
            destination.Data[i] = a.Data[i] + b.Data[i];
    }

    /// <summary>Computes destination[i] = a[i] − b[i].</summary>
    public static void Subtract(Matrix a, Matrix b, Matrix destination)
    {
        RequireSameShape(a, b, nameof(b));
        RequireSameShape(a, destination, nameof(destination));
        for (int i = 0; i < a.Length; i++)
            destination.Data[i] = a.Data[i] - b.Data[i];
    }

    /// <summary>Computes destination[i] = a[i] · b[i] (the Hadamard product ⊙).</summary>
    public static void Multiply(Matrix a, Matrix b, Matrix destination)
    {
        RequireSameShape(a, b, nameof(b));
        RequireSameShape(a, destination, nameof(destination));
        for (int i = 0; i < a.Length; i++)
            destination.Data[i] = a.Data[i] * b.Data[i];
    }

    /// <summary>Computes destination[i] = a[i] · s.</summary>
    public static void Scale(Matrix a, double s, Matrix destination)
    {
        RequireSameShape(a, destination, nameof(destination));
        for (int i = 0; i < a.Length; i++)
            destination.Data[i] = a.Data[i] * s;
    }

    /// <summary>Computes destination[i] += x[i] · s (NumPy's d += s * x, BLAS's axpy).</summary>
    public static void AddScaled(Matrix x, double s, Matrix destination)
    {
        RequireSameShape(x, destination, nameof(destination));
        AddScaled(destination.Data, x.Data, s);
    }

    /// <summary>Computes destination[r, c] = a[r, c] + row[0, c]: NumPy's broadcast of a (1×m) row over an (n×m) matrix.</summary>
    public static void AddRowVector(Matrix a, Matrix row, Matrix destination)
    {
        if (row.Rows != 1 || row.Cols != a.Cols)
            throw new ArgumentException($"Shape mismatch: cannot broadcast {row.Shape} over {a.Shape}: need (1×{a.Cols}).", nameof(row));
        RequireSameShape(a, destination, nameof(destination));
        for (int r = 0; r < a.Rows; r++)
        {
            ReadOnlySpan<double> src = a.Row(r), bias = row.Data;
            Span<double> dst = destination.Row(r);
            for (int c = 0; c < dst.Length; c++)
                dst[c] = src[c] + bias[c];
        }
    }
}
