using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace XorNet.Tensors;

public static partial class Ops
{
    /// <summary>Computes destination[0, c] = Σ_r a[r, c]: NumPy's a.sum(axis=0, keepdims=True), a (1×m) row.</summary>
    public static void SumRows(Matrix a, Matrix destination)
    {
        RequireShape(destination, 1, a.Cols, nameof(destination), "summing the rows of {0}", a);
        SumRows(a.Data, a.Rows, a.Cols, destination.Data);
    }

    /// <summary>Each column's sum 0 + a[0, c] + a[1, c] + … in row order, a vector of columns at a time, kept in
    /// registers.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void SumRows(double[] a, int rows, int cols, double[] destination)
    {
        ref double src = ref MemoryMarshal.GetArrayDataReference(a);
        int c = 0;
        if (Vector512.IsHardwareAccelerated)
            for (; c <= cols - 8; c += 8)
            {
                Vector512<double> acc = Vector512<double>.Zero;
                for (int r = 0; r < rows; r++)
                    acc += Vector512.LoadUnsafe(ref src, (nuint)(r * cols + c));
                acc.CopyTo(destination, c);
            }
        if (Vector256.IsHardwareAccelerated)
            for (; c <= cols - 4; c += 4)
            {
                Vector256<double> acc = Vector256<double>.Zero;
                for (int r = 0; r < rows; r++)
                    acc += Vector256.LoadUnsafe(ref src, (nuint)(r * cols + c));
                acc.CopyTo(destination, c);
            }
        for (; c < cols; c++)
        {
            double acc = 0;
            for (int r = 0; r < rows; r++)
                acc += Unsafe.Add(ref src, r * cols + c);
            destination[c] = acc;
        }
    }

    /// <summary>Computes destination[r, 0] = Σ_c a[r, c]: NumPy's a.sum(axis=1, keepdims=True), an (n×1)
    /// column.</summary>
    public static void SumColumns(Matrix a, Matrix destination)
    {
        RequireShape(destination, a.Rows, 1, nameof(destination), "summing the columns of {0}", a);
        for (int r = 0; r < a.Rows; r++)
        {
            double sum = 0;
            foreach (double v in a.Row(r))
                sum += v;
            destination.Data[r] = sum;
        }
    }

    /// <summary>Computes destination[r] = the column index of the largest entry of row r (the first one on
    /// ties).</summary>
    public static void ArgMaxRows(Matrix a, Span<int> destination)
    {
        if (destination.Length != a.Rows)
            throw new ArgumentException(
                $"Destination of length {destination.Length} must hold one index per row of {a.Shape}.",
                nameof(destination));
        if (a.Cols == 0)
            throw new ArgumentException($"Cannot take the argmax of rows of {a.Shape}: rows are empty.", nameof(a));
        for (int r = 0; r < a.Rows; r++)
        {
            ReadOnlySpan<double> row = a.Row(r);
            int best = 0;
            for (int c = 1; c < row.Length; c++)
                if (row[c] > row[best])
                    best = c;
            destination[r] = best;
        }
    }

    /// <summary>Returns Σ_i a[i]²: the squared Frobenius norm, NumPy's np.sum(a ** 2).</summary>
    public static double SquaredSum(Matrix a)
    {
        double sum = 0;
        foreach (double v in a.Data)
            sum += v * v;
        return sum;
    }

    /// <summary>Returns Σ_i (a[i] − b[i])²: the squared distance of two same-shape matrices (‖a − b‖²).</summary>
    public static double SquaredDistance(Matrix a, Matrix b)
    {
        RequireSameShape(a, b, nameof(b));
        ReadOnlySpan<double> x = a.Data, y = b.Data;
        double sum = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double d = x[i] - y[i];
            sum += d * d;
        }
        return sum;
    }

    /// <summary>Returns Σ_i a[i].</summary>
    public static double Sum(Matrix a)
    {
        double sum = 0;
        foreach (double v in a.Data)
            sum += v;
        return sum;
    }
}
