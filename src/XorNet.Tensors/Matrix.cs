namespace XorNet.Tensors;

/// <summary>A dense, row-major matrix of doubles: element (r, c) lives at Data[r * Cols + c].</summary>
public sealed class Matrix
{
    public int Rows { get; }
    public int Cols { get; }
    public double[] Data { get; }

    public Matrix(int rows, int cols)
    {
        if (rows < 0 || cols < 0)
            throw new ArgumentOutOfRangeException(nameof(rows), $"Matrix shape ({rows}×{cols}) must not be negative.");
        Rows = rows;
        Cols = cols;
        Data = new double[checked(rows * cols)];
    }

    /// <summary>Wraps an existing array (not copied); its length must be rows × cols.</summary>
    public Matrix(int rows, int cols, double[] data)
    {
        if (rows < 0 || cols < 0 || data.Length != (long)rows * cols)
            throw new ArgumentException($"Data of length {data.Length} does not fit shape ({rows}×{cols}).",
                nameof(data));
        Rows = rows;
        Cols = cols;
        Data = data;
    }

    public int Length => Data.Length;

    /// <summary>The shape as NumPy would print it, e.g. "(300×2)".</summary>
    public string Shape => $"({Rows}×{Cols})";

    public double this[int row, int col]
    {
        get => Data[row * Cols + col];
        set => Data[row * Cols + col] = value;
    }

    public Span<double> Row(int row) => Data.AsSpan(row * Cols, Cols);

    internal Span<double> AsSpan() => Data;

    public static Matrix FromRows(double[,] values)
    {
        var m = new Matrix(values.GetLength(0), values.GetLength(1));
        for (int r = 0; r < m.Rows; r++)
            for (int c = 0; c < m.Cols; c++)
                m[r, c] = values[r, c];
        return m;
    }

    /// <summary>A 1×n row vector holding a copy of the values.</summary>
    public static Matrix RowVector(params double[] values) => new(1, values.Length, (double[])values.Clone());

    public Matrix Clone() => new(Rows, Cols, (double[])Data.Clone());

    public void CopyTo(Matrix destination)
    {
        Ops.RequireSameShape(this, destination, nameof(destination));
        Data.AsSpan().CopyTo(destination.Data);
    }

    public void Fill(double value) => Data.AsSpan().Fill(value);

    /// <summary>A new matrix with the given rows, in the given order (NumPy's fancy indexing X[idx]).</summary>
    public Matrix TakeRows(ReadOnlySpan<int> rows)
    {
        var result = new Matrix(rows.Length, Cols);
        TakeRows(rows, result);
        return result;
    }

    /// <summary>destination[i] = this[rows[i]] for every i; destination must be (rows.Length × Cols).</summary>
    public void TakeRows(ReadOnlySpan<int> rows, Matrix destination)
    {
        if (destination.Rows != rows.Length || destination.Cols != Cols)
            throw new ArgumentException(
                $"Destination {destination.Shape} must be ({rows.Length}×{Cols}) to take {rows.Length} rows of " +
                $"{Shape}.");
        for (int i = 0; i < rows.Length; i++)
            Row(rows[i]).CopyTo(destination.Row(i));
    }

    public override string ToString() => $"Matrix{Shape}";
}
