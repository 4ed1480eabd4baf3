using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace XorNet.Tensors;

/// <summary>
/// Fused elementwise kernels for backprop: each does in one pass what a short composition of Ops does in several,
/// with the same rounded operations in the same order, so the results are bit for bit those of the composition
/// (tested).
/// </summary>
public static partial class Ops
{
    /// <summary>dL_dh = (h − y)·s, dh_dz = h ⊙ (1 − h), dL_dz = dL_dh ⊙ dh_dz in one pass: MSE on sigmoid
    /// outputs.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void SigmoidMseGradient(Matrix h, Matrix y, double s, Matrix dL_dh, Matrix dh_dz, Matrix dL_dz)
    {
        RequireSameShape(h, y, nameof(y));
        RequireSameShape(h, dL_dh, nameof(dL_dh));
        RequireSameShape(h, dh_dz, nameof(dh_dz));
        RequireSameShape(h, dL_dz, nameof(dL_dz));
        ref double hs = ref MemoryMarshal.GetArrayDataReference(h.Data);
        ref double ys = ref MemoryMarshal.GetArrayDataReference(y.Data);
        ref double g = ref MemoryMarshal.GetArrayDataReference(dL_dh.Data);
        ref double d = ref MemoryMarshal.GetArrayDataReference(dh_dz.Data);
        ref double o = ref MemoryMarshal.GetArrayDataReference(dL_dz.Data);
        int i = 0, n = h.Length;
        if (Vector256.IsHardwareAccelerated)
            for (var vs = Vector256.Create(s); i <= n - 4; i += 4)
            {
                Vector256<double> hv = Vector256.LoadUnsafe(ref hs, (nuint)i);
                Vector256<double> gv = (hv - Vector256.LoadUnsafe(ref ys, (nuint)i)) * vs, dv =
                    hv * (Vector256<double>.One - hv);
                gv.StoreUnsafe(ref g, (nuint)i);
                dv.StoreUnsafe(ref d, (nuint)i);
                (gv * dv).StoreUnsafe(ref o, (nuint)i);
            }
        for (; i < n; i++)
        {
            double hv = Unsafe.Add(ref hs, i), gv = (hv - Unsafe.Add(ref ys, i)) * s, dv = hv * (1.0 - hv);
            (Unsafe.Add(ref g, i), Unsafe.Add(ref d, i), Unsafe.Add(ref o, i)) = (gv, dv, gv * dv);
        }
    }

    /// <summary>dh_dz = h ⊙ (1 − h), dL_dz = dL_dh ⊙ dh_dz in one pass: backprop through a sigmoid layer.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void MultiplySigmoidDerivative(Matrix dL_dh, Matrix h, Matrix dh_dz, Matrix dL_dz)
    {
        RequireSameShape(dL_dh, h, nameof(h));
        RequireSameShape(h, dh_dz, nameof(dh_dz));
        RequireSameShape(h, dL_dz, nameof(dL_dz));
        ref double g = ref MemoryMarshal.GetArrayDataReference(dL_dh.Data);
        ref double hs = ref MemoryMarshal.GetArrayDataReference(h.Data);
        ref double d = ref MemoryMarshal.GetArrayDataReference(dh_dz.Data);
        ref double o = ref MemoryMarshal.GetArrayDataReference(dL_dz.Data);
        int i = 0, n = h.Length;
        if (Vector512.IsHardwareAccelerated)
            for (; i <= n - 8; i += 8)
            {
                Vector512<double> hv = Vector512.LoadUnsafe(ref hs, (nuint)i), dv = hv * (Vector512<double>.One - hv);
                dv.StoreUnsafe(ref d, (nuint)i);
                (Vector512.LoadUnsafe(ref g, (nuint)i) * dv).StoreUnsafe(ref o, (nuint)i);
            }
        if (Vector256.IsHardwareAccelerated)
            for (; i <= n - 4; i += 4)
            {
                Vector256<double> hv = Vector256.LoadUnsafe(ref hs, (nuint)i), dv = hv * (Vector256<double>.One - hv);
                dv.StoreUnsafe(ref d, (nuint)i);
                (Vector256.LoadUnsafe(ref g, (nuint)i) * dv).StoreUnsafe(ref o, (nuint)i);
            }
        for (; i < n; i++)
        {
            double hv = Unsafe.Add(ref hs, i), dv = hv * (1.0 - hv);
            (Unsafe.Add(ref d, i), Unsafe.Add(ref o, i)) = (dv, Unsafe.Add(ref g, i) * dv);
        }
    }

    /// <summary>
    /// sums[t] = Σ_i m_t[i]² for the four matrices m_0..m_3: four <see cref="SquaredSum"/>s, each still summed in index
    /// order (the same bits), run side by side so four additions are in flight instead of one.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void SquaredSums(Matrix m0, Matrix m1, Matrix m2, Matrix m3, Span<double> sums)
    {
        if (sums.Length != 4) throw new ArgumentException($"Need room for 4 sums, got {sums.Length}.", nameof(sums));
        double[] a0 = m0.Data, a1 = m1.Data, a2 = m2.Data, a3 = m3.Data;
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int longest = Math.Max(Math.Max(a0.Length, a1.Length), Math.Max(a2.Length, a3.Length));
        int shortest = Math.Min(Math.Min(a0.Length, a1.Length), Math.Min(a2.Length, a3.Length));
        int i = 0;
        for (; i < shortest; i++) // all four, no tests: the part every matrix has
        {
            s0 += a0[i] * a0[i];
            s1 += a1[i] * a1[i];
            s2 += a2[i] * a2[i];
            s3 += a3[i] * a3[i];
        }
        for (; i < longest; i++) // a sum whose matrix has ended just stops
        {
            if (i < a0.Length) s0 += a0[i] * a0[i];
            if (i < a1.Length) s1 += a1[i] * a1[i];
            if (i < a2.Length) s2 += a2[i] * a2[i];
            if (i < a3.Length) s3 += a3[i] * a3[i];
        }
        (sums[0], sums[1], sums[2], sums[3]) = (s0, s1, s2, s3);
    }
}
