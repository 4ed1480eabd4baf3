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
    /// <remarks>With a bias (length m), c[i, j] = (Σ_p A(i, p)·B(p, j)) + bias[j]: the sum first, then one rounded add,
    /// as AddRowVector after the product.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static unsafe void MatMulSmall(StridedMatrix a, StridedMatrix b, double[] c, int n, int k, int m,
        double[]? bias = null)
    {
        if (m >= 4 && b.ColStride != 1 && k * m <= 4096)
        {
            // Copy B (k×m, tiny here: a weight matrix) to row-major scratch so its rows are contiguous for the lanes.
            double[] packed = Scratch(k * m);
            fixed (double* src = b.Data, dst = packed)
            {
                int p = 0;
                // A transposed operand: four consecutive p of one j are contiguous, read them at once.
                if (b.RowStride == 1)
                    for (; p + 4 <= k; p += 4)
                        for (int j = 0; j < m; j++)
                        {
                            double* q = src + p + (long)j * b.ColStride;
                            double* t = dst + (long)p * m + j;
                            (t[0], t[m], t[2 * m], t[3 * m]) = (q[0], q[1], q[2], q[3]);
                        }
                for (; p < k; p++)
                    for (int j = 0; j < m; j++)
                        dst[p * m + j] = src[p * b.RowStride + j * b.ColStride];
            }
            b = new StridedMatrix(packed, m, 1);
        }
        fixed (double* pa = a.Data, pb = b.Data, pc = c, pbias = bias)
        {
            if (m >= 4 && b.ColStride == 1)
            {
                // adds the bias as it stores
                AcrossColumns(pa, a.RowStride, a.ColStride, pb, b.RowStride, pc, n, k, m, pbias);
                return;
            }
            if (n >= 4 && a.RowStride == 1)
                AcrossRows(pa, a.ColStride, pb, b.RowStride, b.ColStride, pc, n, k, m);
            else
                Scalar(pa, a.RowStride, a.ColStride, pb, b.RowStride, b.ColStride, pc, 0, n, 0, m, k, m);
            if (bias is not null)
                AddRowVectorScalar(c.AsSpan(0, n * m), bias, c.AsSpan(0, n * m));
        }
    }

    private static double[] Scratch(int length)
    {
        if (_scratch is null || _scratch.Length < length)
            _scratch = new double[Math.Max(length, 1024)];
        return _scratch;
    }

    /// <summary>Lanes over j: acc[j..j+w] += A(i, p) · B[p, j..j+w]; B's rows are contiguous. Leftover columns go to
    /// Scalar in one call.</summary>
    private static unsafe void AcrossColumns(double* a, int ars, int acs, double* b, int brs, double* c, int n, int k,
        int m, double* bias)
    {
        int vectorColumns = m & ~3, grouped = 0, wide = m & ~7;
        if (Vector512.IsHardwareAccelerated && m >= 8)
        {
            grouped = n & ~3;
            for (int i = 0; i < grouped; i += 4)
                FourRows512(a, ars, acs, b, brs, c, i, k, m, bias);
        }
        for (int i = 0; i < n; i++)
        {
            double* ai = a + (long)i * ars, ci = c + (long)i * m;
            int j = i < grouped ? wide : 0; // FourRows512 did the vectors of eight columns of these rows
            if (Vector512.IsHardwareAccelerated)
            {
                for (; j <= m - 16; j += 16) // two vectors of columns: one broadcast of A(i, p) feeds both
                {
                    Vector512<double> acc0 = Vector512<double>.Zero, acc1 = Vector512<double>.Zero;
                    for (int p = 0; p < k; p++)
                    {
                        Vector512<double> aip = Vector512.Create(ai[p * acs]);
                        double* bp = b + (long)p * brs + j;
                        acc0 += aip * Vector512.Load(bp);
                        acc1 += aip * Vector512.Load(bp + 8);
                    }
                    if (bias != null)
                        (acc0, acc1) = (acc0 + Vector512.Load(bias + j), acc1 + Vector512.Load(bias + j + 8));
                    acc0.Store(ci + j);
                    acc1.Store(ci + j + 8);
                }
                for (; j <= m - 8; j += 8)
                {
                    Vector512<double> acc = Vector512<double>.Zero;
                    for (int p = 0; p < k; p++)
                        acc += Vector512.Create(ai[p * acs]) * Vector512.Load(b + (long)p * brs + j);
                    (bias == null ? acc : acc + Vector512.Load(bias + j)).Store(ci + j);
                }
            }
            for (; j < vectorColumns; j += 4)
            {
                Vector256<double> acc = Vector256<double>.Zero;
                for (int p = 0; p < k; p++)
                    acc += Vector256.Create(ai[p * acs]) * Vector256.Load(b + (long)p * brs + j);
                (bias == null ? acc : acc + Vector256.Load(bias + j)).Store(ci + j);
            }
        }
        if (vectorColumns == m)
            return;
        Scalar(a, ars, acs, b, brs, 1, c, 0, n, vectorColumns, m, k, m);
        if (bias != null)
            for (int i = 0; i < n; i++)
                for (int j = vectorColumns; j < m; j++)
                    c[(long)i * m + j] += bias[j];
    }

    /// <summary>
    /// Rows i..i+3 of <see cref="AcrossColumns"/>, the vectors of eight columns: four rows side by side, so four (or
    /// eight) independent sums are in flight instead of one chain of dependent adds. Each lane is still its own sum
    /// over p in order, one rounded multiply and one rounded add per term: the same bits as one row at a time.
    /// </summary>
    private static unsafe void FourRows512(double* a, int ars, int acs, double* b, int brs, double* c, int i, int k,
        int m, double* bias)
    {
        double* a0 = a + (long)i * ars, a1 = a0 + ars, a2 = a1 + ars, a3 = a2 + ars;
        double* c0 = c + (long)i * m, c1 = c0 + m, c2 = c1 + m, c3 = c2 + m;
        int j = 0;
        for (; j <= m - 16; j += 16)
        {
            Vector512<double> s00 = Vector512<double>.Zero, s01 = s00, s10 = s00, s11 = s00,
                s20 = s00, s21 = s00, s30 = s00, s31 = s00;
            for (int p = 0; p < k; p++)
            {
                double* bp = b + (long)p * brs + j;
                Vector512<double> b0 = Vector512.Load(bp), b1 = Vector512.Load(bp + 8);
                long ap = (long)p * acs;
                Vector512<double> x0 = Vector512.Create(a0[ap]), x1 = Vector512.Create(a1[ap]);
                Vector512<double> x2 = Vector512.Create(a2[ap]), x3 = Vector512.Create(a3[ap]);
                s00 += x0 * b0; s01 += x0 * b1;
                s10 += x1 * b0; s11 += x1 * b1;
                s20 += x2 * b0; s21 += x2 * b1;
                s30 += x3 * b0; s31 += x3 * b1;
            }
            if (bias != null)
            {
                Vector512<double> r0 = Vector512.Load(bias + j), r1 = Vector512.Load(bias + j + 8);
                (s00, s01, s10, s11) = (s00 + r0, s01 + r1, s10 + r0, s11 + r1);
                (s20, s21, s30, s31) = (s20 + r0, s21 + r1, s30 + r0, s31 + r1);
            }
            s00.Store(c0 + j); s01.Store(c0 + j + 8);
            s10.Store(c1 + j); s11.Store(c1 + j + 8);
            s20.Store(c2 + j); s21.Store(c2 + j + 8);
            s30.Store(c3 + j); s31.Store(c3 + j + 8);
        }
        for (; j <= m - 8; j += 8)
        {
            Vector512<double> s0 = Vector512<double>.Zero, s1 = s0, s2 = s0, s3 = s0;
            for (int p = 0; p < k; p++)
            {
                Vector512<double> bp = Vector512.Load(b + (long)p * brs + j);
                long ap = (long)p * acs;
                s0 += Vector512.Create(a0[ap]) * bp;
                s1 += Vector512.Create(a1[ap]) * bp;
                s2 += Vector512.Create(a2[ap]) * bp;
                s3 += Vector512.Create(a3[ap]) * bp;
            }
            if (bias != null)
            {
                Vector512<double> r = Vector512.Load(bias + j);
                (s0, s1, s2, s3) = (s0 + r, s1 + r, s2 + r, s3 + r);
            }
            s0.Store(c0 + j); s1.Store(c1 + j); s2.Store(c2 + j); s3.Store(c3 + j);
        }
    }

    /// <summary>Lanes over i: acc[i..i+w] += A[i..i+w, p] · B(p, j); A's columns are contiguous (a transposed
    /// operand).</summary>
    private static unsafe void AcrossRows(double* a, int acs, double* b, int brs, int bcs, double* c, int n, int k,
        int m)
    {
        int i = 0;
        if (Vector512.IsHardwareAccelerated)
            for (; i <= n - 8; i += 8)
            {
                int j = 0;
                for (; j + 1 < m; j += 2) // two columns at once: two sums in flight per lane
                {
                    Vector512<double> acc0 = Vector512<double>.Zero, acc1 = Vector512<double>.Zero;
                    for (int p = 0; p < k; p++)
                    {
                        Vector512<double> ap = Vector512.Load(a + (long)p * acs + i);
                        acc0 += ap * Vector512.Create(b[p * brs + j * bcs]);
                        acc1 += ap * Vector512.Create(b[p * brs + (j + 1) * bcs]);
                    }
                    for (int l = 0; l < 8; l++)
                        (c[(i + l) * m + j], c[(i + l) * m + j + 1]) = (acc0.GetElement(l), acc1.GetElement(l));
                }
                for (; j < m; j++)
                {
                    Vector512<double> acc = Vector512<double>.Zero;
                    for (int p = 0; p < k; p++)
                        acc += Vector512.Load(a + (long)p * acs + i) * Vector512.Create(b[p * brs + j * bcs]);
                    for (int l = 0; l < 8; l++)
                        c[(i + l) * m + j] = acc.GetElement(l);
                }
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
        // Leftover rows as one group of four (re-doing a few lane rows, same bits) so their sums run side by side.
        Scalar(a, 1, acs, b, brs, bcs, c, Math.Max(0, Math.Min(i, n - 4)), n, 0, m, k, m);
    }

    /// <summary>
    /// The plain sums for rows i0..i1, columns j0..j1 of c. Four rows go together so four independent sums are in
    /// flight (a lone sum waits on its previous add every step); each sum still runs over p in order.
    /// Fewer than four rows: one at a time.
    /// </summary>
    private static unsafe void Scalar(double* a, int ars, int acs, double* b, int brs, int bcs, double* c,
        int i0, int i1, int j0, int j1, int k, int ldc)
    {
        for (int group = i0; group < i1 && i1 - i0 >= 4; group += 4)
        {
            // The last group may overlap the one before: those rows are computed twice, to the same bits.
            int i = Math.Min(group, i1 - 4);
            int j = j0;
            for (; j + 1 < j1; j += 2) // two columns at once: eight independent sums in flight
            {
                double acc00 = 0, acc10 = 0, acc20 = 0, acc30 = 0, acc01 = 0, acc11 = 0, acc21 = 0, acc31 = 0;
                double* a0 = a + (long)i * ars, bj = b + (long)j * bcs;
                for (int p = 0; p < k; p++)
                {
                    double b0 = bj[(long)p * brs], b1 = bj[(long)p * brs + bcs];
                    double* ap = a0 + (long)p * acs;
                    double x0 = ap[0], x1 = ap[ars], x2 = ap[2 * ars], x3 = ap[3 * ars];
                    acc00 += x0 * b0; acc01 += x0 * b1;
                    acc10 += x1 * b0; acc11 += x1 * b1;
                    acc20 += x2 * b0; acc21 += x2 * b1;
                    acc30 += x3 * b0; acc31 += x3 * b1;
                }
                double* c0 = c + (long)i * ldc + j;
                (c0[0], c0[1]) = (acc00, acc01);
                (c0[ldc], c0[ldc + 1]) = (acc10, acc11);
                (c0[2 * ldc], c0[2 * ldc + 1]) = (acc20, acc21);
                (c0[3 * ldc], c0[3 * ldc + 1]) = (acc30, acc31);
            }
            for (; j < j1; j++)
            {
                double acc0 = 0, acc1 = 0, acc2 = 0, acc3 = 0;
                double* a0 = a + (long)i * ars, bj = b + (long)j * bcs;
                for (int p = 0; p < k; p++)
                {
                    double bpj = bj[(long)p * brs];
                    double* ap = a0 + (long)p * acs;
                    acc0 += ap[0] * bpj;
                    acc1 += ap[ars] * bpj;
                    acc2 += ap[2 * ars] * bpj;
                    acc3 += ap[3 * ars] * bpj;
                }
                c[(long)i * ldc + j] = acc0;
                c[(long)(i + 1) * ldc + j] = acc1;
                c[(long)(i + 2) * ldc + j] = acc2;
                c[(long)(i + 3) * ldc + j] = acc3;
            }
        }
        if (i1 - i0 >= 4)
            return;
        for (int i = i0; i < i1; i++)
            for (int j = j0; j < j1; j++)
            {
                double acc = 0;
                for (int p = 0; p < k; p++)
                    acc += a[(long)i * ars + (long)p * acs] * b[(long)p * brs + (long)j * bcs];
                c[(long)i * ldc + j] = acc;
            }
    }
}
