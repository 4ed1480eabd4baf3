using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace XorNet.Tensors;

public static partial class Ops
{
    [ThreadStatic] private static double[]? _scratch;

    /// <summary>
    /// c[i, j] = Σ_p A(i, p)·B(p, j) for small strided views, every sum taken in increasing p with one rounded
    /// multiply and one rounded add per term: bit for bit what <see cref="MatMulNaive"/> computes, only faster.
    /// Vectorised across the output dimension whose operand is contiguous, so each lane is still its own sum.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static unsafe void MatMulSmall(StridedMatrix a, StridedMatrix b, double[] c, int n, int k, int m)
    {
        if (m >= 4 && b.ColStride != 1 && k * m <= 4096)
        {
            // Copy B (k×m, tiny here: a weight matrix) to row-major scratch so its rows are contiguous for the lanes.
            double[] packed = Scratch(k * m);
            for (int p = 0; p < k; p++)
                for (int j = 0; j < m; j++)
                    packed[p * m + j] = b[p, j];
            b = new StridedMatrix(packed, m, 1);
        }
        fixed (double* pa = a.Data, pb = b.Data, pc = c)
        {
            if (m >= 4 && b.ColStride == 1)
                AcrossColumns(pa, a.RowStride, a.ColStride, pb, b.RowStride, pc, n, k, m);
            else if (n >= 4 && a.RowStride == 1)
                AcrossRows(pa, a.ColStride, pb, b.RowStride, b.ColStride, pc, n, k, m);
            else
                Scalar(pa, a.RowStride, a.ColStride, pb, b.RowStride, b.ColStride, pc, 0, n, 0, m, k, m);
        }
    }

    private static double[] Scratch(int length)
    {
        if (_scratch is null || _scratch.Length < length)
            _scratch = new double[Math.Max(length, 1024)];
        return _scratch;
    }

    /// <summary>Lanes over j: acc[j..j+w] += A(i, p) · B[p, j..j+w]; B's rows are contiguous.</summary>
    private static unsafe void AcrossColumns(double* a, int ars, int acs, double* b, int brs, double* c, int n, int k, int m)
    {
        for (int i = 0; i < n; i++)
        {
            double* ai = a + (long)i * ars, ci = c + (long)i * m;
            int j = 0;
            if (Vector512.IsHardwareAccelerated)
                for (; j <= m - 8; j += 8)
                {
                    Vector512<double> acc = Vector512<double>.Zero;
                    for (int p = 0; p < k; p++)
                        acc += Vector512.Create(ai[p * acs]) * Vector512.Load(b + (long)p * brs + j);
                    acc.Store(ci + j);
                }
            for (; j <= m - 4; j += 4)
            {
                Vector256<double> acc = Vector256<double>.Zero;
                for (int p = 0; p < k; p++)
                    acc += Vector256.Create(ai[p * acs]) * Vector256.Load(b + (long)p * brs + j);
                acc.Store(ci + j);
            }
            if (j < m)
                Scalar(a, ars, acs, b, brs, 1, c, i, i + 1, j, m, k, m);
        }
    }

    /// <summary>Lanes over i: acc[i..i+w] += A[i..i+w, p] · B(p, j); A's columns are contiguous (a transposed operand).</summary>
    private static unsafe void AcrossRows(double* a, int acs, double* b, int brs, int bcs, double* c, int n, int k, int m)
    {
        int i = 0;
        if (Vector512.IsHardwareAccelerated)
            for (; i <= n - 8; i += 8)
                for (int j = 0; j < m; j++)
                {
                    Vector512<double> acc = Vector512<double>.Zero;
                    for (int p = 0; p < k; p++)
                        acc += Vector512.Load(a + (long)p * acs + i) * Vector512.Create(b[p * brs + j * bcs]);
                    for (int l = 0; l < 8; l++)
                        c[(i + l) * m + j] = acc.GetElement(l);
                }
        for (; i <= n - 4; i += 4)
            for (int j = 0; j < m; j++)
            {
                Vector256<double> acc = Vector256<double>.Zero;
                for (int p = 0; p < k; p++)
                    acc += Vector256.Load(a + (long)p * acs + i) * Vector256.Create(b[p * brs + j * bcs]);
                for (int l = 0; l < 4; l++)
                    c[(i + l) * m + j] = acc.GetElement(l);
            }
        Scalar(a, 1, acs, b, brs, bcs, c, i, n, 0, m, k, m);
    }

    /// <summary>The plain sums for rows i0..i1, columns j0..j1 of c.</summary>
    private static unsafe void Scalar(double* a, int ars, int acs, double* b, int brs, int bcs, double* c,
        int i0, int i1, int j0, int j1, int k, int ldc)
    {
        for (int i = i0; i < i1; i++)
            for (int j = j0; j < j1; j++)
            {
                double acc = 0;
                for (int p = 0; p < k; p++)
                    acc += a[i * ars + p * acs] * b[p * brs + j * bcs];
                c[i * ldc + j] = acc;
            }
    }
}
