using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace XorNet.Tensors;

public static partial class Ops
{
    /// <summary>
    /// destination[r·m + c, k] = Σ_j σ(xs[c]·w1[0, j] + ys[r]·w1[1, j] + b1[j]) · w2[j, k], for every point (xs[c],
    /// ys[r]) of a regular grid (m = xs.Length): a 2-input sigmoid layer's output sums without the X, z1 and h1
    /// matrices.
    /// </summary>
    /// <remarks>
    /// z is linear in the grid coordinates, so e^−z = e^−xs[c]·w1[0,j] · e^−(ys[r]·w1[1,j] + b1[j]): m + n exps per
    /// neuron instead of m·n, leaving a multiply, an add and a divide per point and neuron. Against
    /// MatMul + AddRowVector + Sigmoid + MatMul the sum z is rounded in another order and e^−z is a product of two
    /// rounded exps, so σ differs by a few ulp (tested to 1e-13); neurons with |z| ≤ 300 on the grid go in pairs
    /// that share one division. A neuron whose factors could leave the double range
    /// (|partial exponent| &gt; 700) takes the unfused σ for every point instead.
    /// </remarks>
    public static void SigmoidLayerOverGrid(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys, Matrix w1, Matrix b1,
        Matrix w2, Matrix destination)
    {
        int m = xs.Length, n = ys.Length, h = w2.Rows, k = w2.Cols;
        if (w1.Rows != 2 || w1.Cols != h || b1.Rows != 1 || b1.Cols != h)
            throw new ArgumentException(
                $"Shape mismatch: need W1 (2×{h}) and b1 (1×{h}) for W2 {w2.Shape}; got {w1.Shape} and {b1.Shape}.",
                nameof(w1));
        if (destination.Rows != n * m || destination.Cols != k)
            throw new ArgumentException(
                $"Shape mismatch: destination is {destination.Shape} but a grid of {n}×{m} points needs ({n * m}×{k}).",
                nameof(destination));
        double maxX = MaxAbs(xs), maxY = MaxAbs(ys);
        var ex = new double[h * m];   // ex[j·m + c] = e^−(xs[c]·w1[0,j])
        var ey = new double[h * n];   // ey[j·n + r] = e^−(ys[r]·w1[1,j] + b1[j])
        var exact = new bool[h];
        var small = new bool[h];      // |z| ≤ 300 on the whole grid: two such σ can share one division
        for (int j = 0; j < h; j++)
        {
            double a = w1[0, j], b = w1[1, j], c = b1.Data[j];
            // NaN weights: exact too
            exact[j] = !(maxX * Math.Abs(a) <= 700 && maxY * Math.Abs(b) + Math.Abs(c) <= 700);
            small[j] = maxX * Math.Abs(a) + maxY * Math.Abs(b) + Math.Abs(c) <= 300;
            if (exact[j]) continue;
            Span<double> exj = ex.AsSpan(j * m, m), eyj = ey.AsSpan(j * n, n);
            for (int i = 0; i < m; i++) exj[i] = -(xs[i] * a);
            for (int i = 0; i < n; i++) eyj[i] = -(ys[i] * b + c);
            Map<ExpOp>(exj, exj);
            Map<ExpOp>(eyj, eyj);
        }
        var acc = new double[k * m];  // acc[q·m + c]: the sums of output q along one grid row
        var s = new double[m];        // one neuron's σ along one grid row
        for (int r = 0; r < n; r++)
        {
            Array.Clear(acc);
            for (int j = 0; j < h; j++)
            {
                if (j + 1 < h && small[j] && small[j + 1])
                {
                    AccumulatePair(ex.AsSpan(j * m, m), ey[j * n + r], ex.AsSpan((j + 1) * m, m), ey[(j + 1) * n + r],
                        w2.Data.AsSpan(j * k, 2 * k), acc, m);
                    j++;
                    continue;
                }
                if (exact[j])
                {
                    double a = w1[0, j], yb = ys[r] * w1[1, j], c = b1.Data[j];
                    for (int i = 0; i < m; i++) s[i] = xs[i] * a + yb + c; // the unfused rounding: (x·a + y·b) + c
                    Map<SigmoidOp>(s, s);
                }
                else
                    ReciprocalOfOnePlus(ex.AsSpan(j * m, m), ey[j * n + r], s);
                for (int q = 0; q < k; q++)
                    MultiplyAdd(acc.AsSpan(q * m, m), s, w2[j, q], acc.AsSpan(q * m, m)); // acc += σ·w2[j, q]
            }
            Span<double> row = destination.Data.AsSpan(r * m * k, m * k);
            for (int c = 0; c < m; c++)
                for (int q = 0; q < k; q++)
                    row[c * k + q] = acc[q * m + c];
        }
    }

    private static double MaxAbs(ReadOnlySpan<double> values)
    {
        double max = 0;
        foreach (double v in values) max = Math.Max(max, Math.Abs(v));
        return max;
    }

    /// <summary>
    /// Two neurons j, j+1 with one division: with p = 1 + ex·ey, q = 1 + fx·fy and u = 1/(p·q), σ_j = q·u and
    /// σ_j+1 = p·u (division is the slow part; p·q stays finite for |z| ≤ 300); then for every output o,
    /// acc_o += σ_j·w[0, o], then acc_o += σ_j+1·w[1, o] (w: the two rows of W2), all in one pass.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AccumulatePair(ReadOnlySpan<double> ex, double ey, ReadOnlySpan<double> fx, double fy,
        ReadOnlySpan<double> w, double[] acc, int m)
    {
        int i = 0, k = w.Length / 2;
        if (Vector512.IsHardwareAccelerated)
            for (Vector512<double> vy = Vector512.Create(ey), wy = Vector512.Create(fy); i <= m - 8; i += 8)
            {
                Vector512<double> p = Vector512<double>.One + Vector512.Create(ex.Slice(i, 8)) * vy;
                Vector512<double> q = Vector512<double>.One + Vector512.Create(fx.Slice(i, 8)) * wy;
                Vector512<double> u = Vector512<double>.One / (p * q), s = q * u, t = p * u;
                for (int o = 0; o < k; o++)
                {
                    Span<double> a = acc.AsSpan(o * m + i, 8);
                    (Vector512.Create(a) + s * Vector512.Create(w[o]) + t * Vector512.Create(w[k + o])).CopyTo(a);
                }
            }
        if (Vector256.IsHardwareAccelerated)
            for (Vector256<double> vy = Vector256.Create(ey), wy = Vector256.Create(fy); i <= m - 4; i += 4)
            {
                Vector256<double> p = Vector256<double>.One + Vector256.Create(ex.Slice(i, 4)) * vy;
                Vector256<double> q = Vector256<double>.One + Vector256.Create(fx.Slice(i, 4)) * wy;
                Vector256<double> u = Vector256<double>.One / (p * q), s = q * u, t = p * u;
                for (int o = 0; o < k; o++)
                {
                    Span<double> a = acc.AsSpan(o * m + i, 4);
                    (Vector256.Create(a) + s * Vector256.Create(w[o]) + t * Vector256.Create(w[k + o])).CopyTo(a);
                }
            }
        for (; i < m; i++)
        {
            double p = 1.0 + ex[i] * ey, q = 1.0 + fx[i] * fy, u = 1.0 / (p * q), s = q * u, t = p * u;
            for (int o = 0; o < k; o++)
                acc[o * m + i] = acc[o * m + i] + s * w[o] + t * w[k + o];
        }
    }

    /// <summary>s[i] = 1 / (1 + ex[i]·ey): σ(z) from the two factors of e^−z.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ReciprocalOfOnePlus(ReadOnlySpan<double> ex, double ey, Span<double> s)
    {
        int i = 0, n = ex.Length;
        if (Vector512.IsHardwareAccelerated)
            for (Vector512<double> vy = Vector512.Create(ey); i <= n - 8; i += 8)
                (Vector512<double>.One / (Vector512<double>.One + Vector512.Create(ex.Slice(i, 8)) * vy))
                    .CopyTo(s.Slice(i, 8));
        if (Vector256.IsHardwareAccelerated)
            for (Vector256<double> vy = Vector256.Create(ey); i <= n - 4; i += 4)
                (Vector256<double>.One / (Vector256<double>.One + Vector256.Create(ex.Slice(i, 4)) * vy))
                    .CopyTo(s.Slice(i, 4));
        for (; i < n; i++)
            s[i] = 1.0 / (1.0 + ex[i] * ey);
    }
}
