using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace XorNet.Tensors;

/// <summary>Which register-blocked micro-kernel the blocked matrix product runs.</summary>
internal enum KernelKind { Scalar, Avx2, Avx512, Avx512Wide }

/// <summary>
/// The innermost loop of the blocked matrix product: an MR×NR tile of C accumulated in registers over kc steps,
/// C_tile (+)= Σ_p a[p]·b[p] with a a packed MR-column sliver of A and b a packed NR-row sliver of B.
/// Each entry is one fused multiply–add chain over p in increasing order, so the result depends only on the
/// values and on kc, never on where the tile sits or which thread runs it.
/// </summary>
internal static unsafe class MicroKernels
{
    public const int MR = 6;       // rows of C per tile (broadcast A values)
    public const int NR512 = 16;   // columns per tile with Vector512: 2 vectors → 12 accumulators
    public const int NR512Wide = 24; // 3 vectors → 18 accumulators: fewer loads per FMA, for wide products
    public const int NR256 = 8;    // columns per tile with Vector256: 2 vectors → 12 accumulators
    public const int NRScalar = 4;

    /// <summary>The widest kernel this CPU runs natively.</summary>
    public static KernelKind Best { get; } =
        Avx512F.IsSupported ? KernelKind.Avx512 : Fma.IsSupported
            && Avx2.IsSupported ? KernelKind.Avx2 : KernelKind.Scalar;

    public static int NR(KernelKind kind) =>
        kind switch
        {
            KernelKind.Avx512Wide => NR512Wide,
            KernelKind.Avx512 => NR512,
            KernelKind.Avx2 => NR256,
            _ => NRScalar
        };

    /// <summary>
    /// The kernel for a product with m columns: the 6×24 tile where its padding is cheap (measured ~8% faster at
    /// n = 1024, slower at n ≤ 128), else the widest native one. Every kernel rounds identically.
    /// </summary>
    public static KernelKind For(int m) => Best == KernelKind.Avx512 && m >= 384 ? KernelKind.Avx512Wide : Best;

    /// <summary>c[r·ldc + j] = (accumulate ? c : 0) + Σ_p a[p·MR + r]·b[p·NR + j] for the full MR×NR tile.</summary>
    public static void Run(KernelKind kind, int kc, double* a, double* b, double* c, int ldc, bool accumulate)
    {
        switch (kind)
        {
            case KernelKind.Avx512Wide: Kernel512Wide(kc, a, b, c, ldc, accumulate); break;
            case KernelKind.Avx512: Kernel512(kc, a, b, c, ldc, accumulate); break;
            case KernelKind.Avx2: Kernel256(kc, a, b, c, ldc, accumulate); break;
            default: KernelScalar(kc, a, b, c, ldc, accumulate); break;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Kernel512(int kc, double* a, double* b, double* c, int ldc, bool accumulate)
    {
        Vector512<double> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
        Vector512<double> c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
        for (int p = 0; p < kc; p++)
        {
            Vector512<double> b0 = Vector512.Load(b), b1 = Vector512.Load(b + 8);
            Vector512<double> a0 = Vector512.Create(a[0]);
            c00 = Avx512F.FusedMultiplyAdd(a0, b0, c00); c01 = Avx512F.FusedMultiplyAdd(a0, b1, c01);
            Vector512<double> a1 = Vector512.Create(a[1]);
            c10 = Avx512F.FusedMultiplyAdd(a1, b0, c10); c11 = Avx512F.FusedMultiplyAdd(a1, b1, c11);
            Vector512<double> a2 = Vector512.Create(a[2]);
            c20 = Avx512F.FusedMultiplyAdd(a2, b0, c20); c21 = Avx512F.FusedMultiplyAdd(a2, b1, c21);
            Vector512<double> a3 = Vector512.Create(a[3]);
            c30 = Avx512F.FusedMultiplyAdd(a3, b0, c30); c31 = Avx512F.FusedMultiplyAdd(a3, b1, c31);
            Vector512<double> a4 = Vector512.Create(a[4]);
            c40 = Avx512F.FusedMultiplyAdd(a4, b0, c40); c41 = Avx512F.FusedMultiplyAdd(a4, b1, c41);
            Vector512<double> a5 = Vector512.Create(a[5]);
            c50 = Avx512F.FusedMultiplyAdd(a5, b0, c50); c51 = Avx512F.FusedMultiplyAdd(a5, b1, c51);
            a += MR;
            b += NR512;
        }
        Store512(c, c00, c01, accumulate); c += ldc;
        Store512(c, c10, c11, accumulate); c += ldc;
        Store512(c, c20, c21, accumulate); c += ldc;
        Store512(c, c30, c31, accumulate); c += ldc;
        Store512(c, c40, c41, accumulate); c += ldc;
        Store512(c, c50, c51, accumulate);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store512(double* c, Vector512<double> lo, Vector512<double> hi, bool accumulate)
    {
        if (accumulate)
        {
            lo += Vector512.Load(c);
            hi += Vector512.Load(c + 8);
        }
        lo.Store(c);
        hi.Store(c + 8);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Kernel512Wide(int kc, double* a, double* b, double* c, int ldc, bool accumulate)
    {
        Vector512<double> c00 = default, c01 = default, c02 = default, c10 = default, c11 = default, c12 = default,
            c20 = default, c21 = default, c22 = default, c30 = default, c31 = default, c32 = default, c40 = default,
            c41 = default, c42 = default, c50 = default, c51 = default, c52 = default;
        for (int p = 0; p < kc; p++)
        {
            Vector512<double> b0 = Vector512.Load(b), b1 = Vector512.Load(b + 8), b2 = Vector512.Load(b + 16);
            Vector512<double> a0 = Vector512.Create(a[0]);
            c00 = Avx512F.FusedMultiplyAdd(a0, b0, c00); c01 = Avx512F.FusedMultiplyAdd(a0, b1, c01); c02 =
                Avx512F.FusedMultiplyAdd(a0, b2, c02);
            Vector512<double> a1 = Vector512.Create(a[1]);
            c10 = Avx512F.FusedMultiplyAdd(a1, b0, c10); c11 = Avx512F.FusedMultiplyAdd(a1, b1, c11); c12 =
                Avx512F.FusedMultiplyAdd(a1, b2, c12);
            Vector512<double> a2 = Vector512.Create(a[2]);
            c20 = Avx512F.FusedMultiplyAdd(a2, b0, c20); c21 = Avx512F.FusedMultiplyAdd(a2, b1, c21); c22 =
                Avx512F.FusedMultiplyAdd(a2, b2, c22);
            Vector512<double> a3 = Vector512.Create(a[3]);
            c30 = Avx512F.FusedMultiplyAdd(a3, b0, c30); c31 = Avx512F.FusedMultiplyAdd(a3, b1, c31); c32 =
                Avx512F.FusedMultiplyAdd(a3, b2, c32);
            Vector512<double> a4 = Vector512.Create(a[4]);
            c40 = Avx512F.FusedMultiplyAdd(a4, b0, c40); c41 = Avx512F.FusedMultiplyAdd(a4, b1, c41); c42 =
                Avx512F.FusedMultiplyAdd(a4, b2, c42);
            Vector512<double> a5 = Vector512.Create(a[5]);
            c50 = Avx512F.FusedMultiplyAdd(a5, b0, c50); c51 = Avx512F.FusedMultiplyAdd(a5, b1, c51); c52 =
                Avx512F.FusedMultiplyAdd(a5, b2, c52);
            a += MR;
            b += NR512Wide;
        }
        Store512x3(c, c00, c01, c02, accumulate); c += ldc;
        Store512x3(c, c10, c11, c12, accumulate); c += ldc;
        Store512x3(c, c20, c21, c22, accumulate); c += ldc;
        Store512x3(c, c30, c31, c32, accumulate); c += ldc;
        Store512x3(c, c40, c41, c42, accumulate); c += ldc;
        Store512x3(c, c50, c51, c52, accumulate);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store512x3(double* c, Vector512<double> v0, Vector512<double> v1, Vector512<double> v2,
        bool accumulate)
    {
        if (accumulate)
        {
            v0 += Vector512.Load(c);
            v1 += Vector512.Load(c + 8);
            v2 += Vector512.Load(c + 16);
        }
        v0.Store(c);
        v1.Store(c + 8);
        v2.Store(c + 16);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Kernel256(int kc, double* a, double* b, double* c, int ldc, bool accumulate)
    {
        Vector256<double> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
        Vector256<double> c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
        for (int p = 0; p < kc; p++)
        {
            Vector256<double> b0 = Vector256.Load(b), b1 = Vector256.Load(b + 4);
            Vector256<double> a0 = Vector256.Create(a[0]);
            c00 = Fma.MultiplyAdd(a0, b0, c00); c01 = Fma.MultiplyAdd(a0, b1, c01);
            Vector256<double> a1 = Vector256.Create(a[1]);
            c10 = Fma.MultiplyAdd(a1, b0, c10); c11 = Fma.MultiplyAdd(a1, b1, c11);
            Vector256<double> a2 = Vector256.Create(a[2]);
            c20 = Fma.MultiplyAdd(a2, b0, c20); c21 = Fma.MultiplyAdd(a2, b1, c21);
            Vector256<double> a3 = Vector256.Create(a[3]);
            c30 = Fma.MultiplyAdd(a3, b0, c30); c31 = Fma.MultiplyAdd(a3, b1, c31);
            Vector256<double> a4 = Vector256.Create(a[4]);
            c40 = Fma.MultiplyAdd(a4, b0, c40); c41 = Fma.MultiplyAdd(a4, b1, c41);
            Vector256<double> a5 = Vector256.Create(a[5]);
            c50 = Fma.MultiplyAdd(a5, b0, c50); c51 = Fma.MultiplyAdd(a5, b1, c51);
            a += MR;
            b += NR256;
        }
        Store256(c, c00, c01, accumulate); c += ldc;
        Store256(c, c10, c11, accumulate); c += ldc;
        Store256(c, c20, c21, accumulate); c += ldc;
        Store256(c, c30, c31, accumulate); c += ldc;
        Store256(c, c40, c41, accumulate); c += ldc;
        Store256(c, c50, c51, accumulate);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store256(double* c, Vector256<double> lo, Vector256<double> hi, bool accumulate)
    {
        if (accumulate)
        {
            lo += Vector256.Load(c);
            hi += Vector256.Load(c + 4);
        }
        lo.Store(c);
        hi.Store(c + 4);
    }

    /// <summary>The portable fallback: same tile contract, Math.FusedMultiplyAdd so it rounds like the vector
    /// kernels.</summary>
    private static void KernelScalar(int kc, double* a, double* b, double* c, int ldc, bool accumulate)
    {
        double* acc = stackalloc double[MR * NRScalar];
        new Span<double>(acc, MR * NRScalar).Clear();
        for (int p = 0; p < kc; p++, a += MR, b += NRScalar)
            for (int r = 0; r < MR; r++)
                for (int j = 0; j < NRScalar; j++)
                    acc[r * NRScalar + j] = Math.FusedMultiplyAdd(a[r], b[j], acc[r * NRScalar + j]);
        for (int r = 0; r < MR; r++)
            for (int j = 0; j < NRScalar; j++)
                c[r * ldc + j] = accumulate ? c[r * ldc + j] + acc[r * NRScalar + j] : acc[r * NRScalar + j];
    }
}
