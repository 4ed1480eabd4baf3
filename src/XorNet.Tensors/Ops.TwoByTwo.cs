using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace XorNet.Tensors;

/// <summary>
/// Kernels for a sigmoid hidden layer between 2 inputs and 2 outputs (the article's network), for loops of
/// millions of small steps where the separate ops' passes over the (N×H) matrices cost more than their arithmetic.
/// Each does what a composition of Ops does, with the same rounded operations in the same order (no FMA), so the
/// results are those of the composition bit for bit (tested), on every CPU.
/// </summary>
public static partial class Ops
{
    /// <summary>
    /// Backprop through a sigmoid hidden layer h (n×m) between x (n×2) and 2 outputs, given dz2 (n×2) and the output
    /// weights as w2T (2×m, w2 transposed): dw2T = (hᵀ · dz2)ᵀ, dz1 = (dz2 · w2ᵀ) ⊙ h ⊙ (1 − h), dw1 = xᵀ · dz1 (2×m),
    /// in one pass over h by blocks of columns (MatMulTransposeA, MatMulTransposeB, MultiplySigmoidDerivative,
    /// MatMulTransposeA).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void SigmoidLayerBackwardTwoByTwo(Matrix x, Matrix h, Matrix dz2, Matrix w2T, Matrix dz1, Matrix dw1,
        Matrix dw2T)
    {
        if (x.Cols != 2
            || dz2.Cols != 2) throw new ArgumentException(
            $"Need x (n×2) and dz2 (n×2); got {x.Shape} and {dz2.Shape}.");
        int n = h.Rows, m = h.Cols;
        RequireShape(x, n, 2, nameof(x), "the inputs of {0}", h, h);
        RequireShape(dz2, n, 2, nameof(dz2), "the output gradient of {0}", h, h);
        RequireShape(w2T, 2, m, nameof(w2T), "the transposed output weights of {0}", h, h);
        RequireShape(dz1, n, m, nameof(dz1), "the gradient at {0}", h, h);
        RequireShape(dw1, 2, m, nameof(dw1), "the input weights of {0}", h, h);
        RequireShape(dw2T, 2, m, nameof(dw2T), "the transposed output weights of {0}", h, h);
        // Column blocks outside, rows inside: the four sums of a block stay in registers. Every entry still adds its
        // rows' terms in row order, starting from 0, so the bits are those of the four ops on every path.
        ref double xs = ref MemoryMarshal.GetArrayDataReference(x.Data);
        ref double ds = ref MemoryMarshal.GetArrayDataReference(dz2.Data);
        ref double hs = ref MemoryMarshal.GetArrayDataReference(h.Data);
        ref double zs = ref MemoryMarshal.GetArrayDataReference(dz1.Data);
        ref double w0 = ref MemoryMarshal.GetReference(w2T.Row(0)), w1 = ref MemoryMarshal.GetReference(w2T.Row(1));
        ref double a0 = ref MemoryMarshal.GetReference(dw2T.Row(0)), a1 = ref MemoryMarshal.GetReference(dw2T.Row(1));
        ref double g0 = ref MemoryMarshal.GetReference(dw1.Row(0)), g1 = ref MemoryMarshal.GetReference(dw1.Row(1));
        int c = 0;
        if (Vector512.IsHardwareAccelerated)
            for (; c <= m - 8; c += 8)
            {
                nuint j = (nuint)c;
                Vector512<double> vw0 = Vector512.LoadUnsafe(ref w0, j), vw1 = Vector512.LoadUnsafe(ref w1, j);
                Vector512<double> s0 = Vector512<double>.Zero, s1 = s0, t0 = s0, t1 = s0;
                for (int r = 0; r < n; r++)
                {
                    nuint at = (nuint)r * (nuint)m + j;
                    Vector512<double> d0 = Vector512.Create(Unsafe.Add(ref ds, 2 * r)),
                        d1 = Vector512.Create(Unsafe.Add(ref ds, 2 * r + 1));
                    Vector512<double> hv = Vector512.LoadUnsafe(ref hs, at);
                    s0 += hv * d0;
                    s1 += hv * d1;
                    Vector512<double> dz = (d0 * vw0 + d1 * vw1) * (hv * (Vector512<double>.One - hv));
                    dz.StoreUnsafe(ref zs, at);
                    t0 += Vector512.Create(Unsafe.Add(ref xs, 2 * r)) * dz;
                    t1 += Vector512.Create(Unsafe.Add(ref xs, 2 * r + 1)) * dz;
                }
                s0.StoreUnsafe(ref a0, j);
                s1.StoreUnsafe(ref a1, j);
                t0.StoreUnsafe(ref g0, j);
                t1.StoreUnsafe(ref g1, j);
            }
        if (Vector256.IsHardwareAccelerated)
            for (; c <= m - 4; c += 4)
            {
                nuint j = (nuint)c;
                Vector256<double> vw0 = Vector256.LoadUnsafe(ref w0, j), vw1 = Vector256.LoadUnsafe(ref w1, j);
                Vector256<double> s0 = Vector256<double>.Zero, s1 = s0, t0 = s0, t1 = s0;
                for (int r = 0; r < n; r++)
                {
                    nuint at = (nuint)r * (nuint)m + j;
                    Vector256<double> d0 = Vector256.Create(Unsafe.Add(ref ds, 2 * r)),
                        d1 = Vector256.Create(Unsafe.Add(ref ds, 2 * r + 1));
                    Vector256<double> hv = Vector256.LoadUnsafe(ref hs, at);
                    s0 += hv * d0;
                    s1 += hv * d1;
                    Vector256<double> dz = (d0 * vw0 + d1 * vw1) * (hv * (Vector256<double>.One - hv));
                    dz.StoreUnsafe(ref zs, at);
                    t0 += Vector256.Create(Unsafe.Add(ref xs, 2 * r)) * dz;
                    t1 += Vector256.Create(Unsafe.Add(ref xs, 2 * r + 1)) * dz;
                }
                s0.StoreUnsafe(ref a0, j);
                s1.StoreUnsafe(ref a1, j);
                t0.StoreUnsafe(ref g0, j);
                t1.StoreUnsafe(ref g1, j);
            }
        for (; c < m; c++)
        {
            double vw0 = Unsafe.Add(ref w0, c), vw1 = Unsafe.Add(ref w1, c), s0 = 0, s1 = 0, t0 = 0, t1 = 0;
            for (int r = 0; r < n; r++)
            {
                int at = r * m + c;
                double d0 = Unsafe.Add(ref ds, 2 * r), d1 = Unsafe.Add(ref ds, 2 * r + 1), hv = Unsafe.Add(ref hs, at);
                s0 += hv * d0;
                s1 += hv * d1;
                double dz = (d0 * vw0 + d1 * vw1) * (hv * (1.0 - hv));
                Unsafe.Add(ref zs, at) = dz;
                t0 += Unsafe.Add(ref xs, 2 * r) * dz;
                t1 += Unsafe.Add(ref xs, 2 * r + 1) * dz;
            }
            (Unsafe.Add(ref a0, c), Unsafe.Add(ref a1, c)) = (s0, s1);
            (Unsafe.Add(ref g0, c), Unsafe.Add(ref g1, c)) = (t0, t1);
        }
    }

    /// <summary>destination = a · bTᵀ for a (n×m) and bT (2×m): two dot products per row, for a layer with 2
    /// outputs.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void MatMulTwoOutputs(Matrix a, Matrix bT, Matrix destination)
    {
        if (bT.Rows != 2 || bT.Cols != a.Cols) throw new ArgumentException($"Need bT (2×{a.Cols}); got {bT.Shape}.",
            nameof(bT));
        RequireShape(destination, a.Rows, 2, nameof(destination), "{0} · {1}ᵀ", a, bT);
        ReadOnlySpan<double> b0 = bT.Row(0), b1 = bT.Row(1);
        for (int r = 0; r < a.Rows; r++)
        {
            ReadOnlySpan<double> row = a.Row(r);
            (destination[r, 0], destination[r, 1]) = TwoDots(row, b0, b1);
        }
    }

    /// <summary>(Σ row·b0, Σ row·b1), four partial sums per product, added pairwise, then the tail in order.</summary>
    private static (double, double) TwoDots(ReadOnlySpan<double> row, ReadOnlySpan<double> b0, ReadOnlySpan<double> b1)
    {
        int c = 0, m = row.Length;
        ref double r = ref MemoryMarshal.GetReference(row);
        ref double p0 = ref MemoryMarshal.GetReference(b0), p1 = ref MemoryMarshal.GetReference(b1);
        Vector256<double> s0 = Vector256<double>.Zero, s1 = Vector256<double>.Zero;
        for (; c <= m - 4; c += 4) // also without SIMD hardware: the same four partial sums, so the same bits
        {
            Vector256<double> v = Vector256.LoadUnsafe(ref r, (nuint)c);
            s0 += v * Vector256.LoadUnsafe(ref p0, (nuint)c);
            s1 += v * Vector256.LoadUnsafe(ref p1, (nuint)c);
        }
        double t0 = (s0[0] + s0[1]) + (s0[2] + s0[3]), t1 = (s1[0] + s1[1]) + (s1[2] + s1[3]);
        for (; c < m; c++)
        {
            t0 += row[c] * b0[c];
            t1 += row[c] * b1[c];
        }
        return (t0, t1);
    }
}
