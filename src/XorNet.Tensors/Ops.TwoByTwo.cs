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
    /// in one pass over the rows (MatMulTransposeA, MatMulTransposeB, MultiplySigmoidDerivative, MatMulTransposeA).
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
        dw1.Fill(0);
        dw2T.Fill(0);
        for (int r = 0; r < n; r++)
            BackwardRow(x[r, 0], x[r, 1], dz2[r, 0], dz2[r, 1], h.Row(r), w2T, dz1.Row(r), dw1, dw2T);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void BackwardRow(double x0, double x1, double d0, double d1, ReadOnlySpan<double> hRow, Matrix w2T,
        Span<double> dz1Row, Matrix dw1, Matrix dw2T)
    {
        ref double a0 = ref MemoryMarshal.GetReference(dw2T.Row(0)), a1 = ref MemoryMarshal.GetReference(dw2T.Row(1));
        ref double g0 = ref MemoryMarshal.GetReference(dw1.Row(0)), g1 = ref MemoryMarshal.GetReference(dw1.Row(1));
        ref double w0 = ref MemoryMarshal.GetReference(w2T.Row(0)), w1 = ref MemoryMarshal.GetReference(w2T.Row(1));
        ref double h = ref MemoryMarshal.GetReference(hRow), dz1 = ref MemoryMarshal.GetReference(dz1Row);
        int c = 0, m = hRow.Length;
        if (Vector256.IsHardwareAccelerated)
        {
            Vector256<double> vd0 = Vector256.Create(d0), vd1 = Vector256.Create(d1), vx0 = Vector256.Create(x0), vx1 =
                Vector256.Create(x1);
            for (; c <= m - 4; c += 4)
            {
                nuint i = (nuint)c;
                Vector256<double> hv = Vector256.LoadUnsafe(ref h, i);
                (Vector256.LoadUnsafe(ref a0, i) + hv * vd0).StoreUnsafe(ref a0, i);
                (Vector256.LoadUnsafe(ref a1, i) + hv * vd1).StoreUnsafe(ref a1, i);
                Vector256<double> dh = vd0 * Vector256.LoadUnsafe(ref w0, i) + vd1 * Vector256.LoadUnsafe(ref w1, i);
                Vector256<double> dz = dh * (hv * (Vector256<double>.One - hv));
                dz.StoreUnsafe(ref dz1, i);
                (Vector256.LoadUnsafe(ref g0, i) + vx0 * dz).StoreUnsafe(ref g0, i);
                (Vector256.LoadUnsafe(ref g1, i) + vx1 * dz).StoreUnsafe(ref g1, i);
            }
        }
        for (; c < m; c++)
        {
            double hv = Unsafe.Add(ref h, c);
            Unsafe.Add(ref a0, c) += hv * d0;
            Unsafe.Add(ref a1, c) += hv * d1;
            double dz = (d0 * Unsafe.Add(ref w0, c) + d1 * Unsafe.Add(ref w1, c)) * (hv * (1.0 - hv));
            Unsafe.Add(ref dz1, c) = dz;
            Unsafe.Add(ref g0, c) += x0 * dz;
            Unsafe.Add(ref g1, c) += x1 * dz;
        }
    }

    /// <summary>
    /// The forward pass of a sigmoid hidden layer (n×m) between 2 inputs and 2 outputs, in one pass over the rows:
    /// h = σ(x · w1 [+ b1]) with <see cref="SigmoidPade(double)"/>, then z2 = h · w2Tᵀ; bit for bit MatMul (or
    /// MatMulAddRowVector), SigmoidPade and MatMulTwoOutputs (tested), without reading h back.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void SigmoidPadeLayerForwardTwoByTwo(Matrix x, Matrix w1, Matrix? b1, Matrix w2T, Matrix h,
        Matrix z2)
    {
        if (x.Cols != 2 || w1.Rows != 2) throw new ArgumentException(
            $"Need x (n×2) and w1 (2×m); got {x.Shape} and {w1.Shape}.");
        int n = x.Rows, m = w1.Cols;
        RequireShape(h, n, m, nameof(h), "σ({0} · {1})", x, w1);
        RequireShape(w2T, 2, m, nameof(w2T), "the transposed output weights of {0}", h, h);
        RequireShape(z2, n, 2, nameof(z2), "{0} · {1}ᵀ", h, w2T);
        if (b1 is not null) RequireShape(b1, 1, m, nameof(b1), "the bias of {0}", h, h);
        ref double u0 = ref MemoryMarshal.GetReference(w1.Row(0)), u1 = ref MemoryMarshal.GetReference(w1.Row(1));
        ref double p0 = ref MemoryMarshal.GetReference(w2T.Row(0)), p1 = ref MemoryMarshal.GetReference(w2T.Row(1));
        ref double b = ref b1 is null ? ref Unsafe.NullRef<double>() : ref MemoryMarshal.GetArrayDataReference(b1.Data);
        bool bias = b1 is not null;
        for (int row = 0; row < n; row++)
        {
            double x0 = x[row, 0], x1 = x[row, 1];
            ref double hr = ref MemoryMarshal.GetReference(h.Row(row));
            Vector256<double> vx0 = Vector256.Create(x0), vx1 = Vector256.Create(x1);
            Vector256<double> s0 = Vector256<double>.Zero, s1 = Vector256<double>.Zero;
            int c = 0;
            for (; c <= m - 4; c += 4) // also without SIMD hardware: the same operations, so the same bits
            {
                nuint i = (nuint)c;
                Vector256<double> z = vx0 * Vector256.LoadUnsafe(ref u0, i) + vx1 * Vector256.LoadUnsafe(ref u1, i);
                if (bias) z += Vector256.LoadUnsafe(ref b, i);
                Vector256<double> hv = VectorExp.SigmoidPade(z);
                hv.StoreUnsafe(ref hr, i);
                s0 += hv * Vector256.LoadUnsafe(ref p0, i);
                s1 += hv * Vector256.LoadUnsafe(ref p1, i);
            }
            double t0 = (s0[0] + s0[1]) + (s0[2] + s0[3]), t1 = (s1[0] + s1[1]) + (s1[2] + s1[3]);
            for (; c < m; c++)
            {
                double z = x0 * Unsafe.Add(ref u0, c) + x1 * Unsafe.Add(ref u1, c);
                if (bias) z += Unsafe.Add(ref b, c);
                double hv = VectorExp.SigmoidPade(z);
                Unsafe.Add(ref hr, c) = hv;
                t0 += hv * Unsafe.Add(ref p0, c);
                t1 += hv * Unsafe.Add(ref p1, c);
            }
            (z2[row, 0], z2[row, 1]) = (t0, t1);
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
