using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace XorNet.Tensors;

/// <summary>
/// One strided view of a matrix operand: element (r, c) at Data[r·RowStride + c·ColStride]. A transposed operand is
/// the same array with the strides swapped, so one blocked product serves a·b, aᵀ·b and a·bᵀ.
/// </summary>
internal readonly record struct StridedMatrix(double[] Data, int RowStride, int ColStride)
{
    public double this[int r, int c] => Data[r * RowStride + c * ColStride];
}

public static partial class Ops
{
    // Blocking for the caches (Goto/BLIS): a KC×NC panel of B is packed once and reused by every MC-row block
    // of A; an MC×KC block of A stays in L2, a KC×NR sliver of B in L1 while the micro-kernel sweeps it.
    private const int KC = 256, MC = 96, NC = 2048;

    /// <summary>
    /// Upper bound on the threads a single large product may use (default: all cores). Work is split by blocks of
    /// output rows and no sum is ever split, so the result is bit-identical for every value.
    /// </summary>
    public static int MaxMatMulThreads { get; set; } = Environment.ProcessorCount;

    /// <summary>Products with fewer multiply–adds than this run on one thread: below it, waking threads costs
    /// more.</summary>
    private const long ParallelThreshold = 192L * 192 * 192;

    /// <summary>Whether the blocked FMA kernel pays off; smaller products keep the exact sequential loops.</summary>
    internal static bool UseBlocked(int n, int k, int m) => n >= BlockedMin && k >= BlockedMin && m >= BlockedMin;

    /// <summary>
    /// The blocked kernel runs when every side is at least this. Below it (all of training on 2-D inputs and two
    /// classes) the plain loops are as fast and keep the historical rounding (one multiply then one add per term),
    /// so metrics.json of small networks stays byte-identical to earlier versions.
    /// </summary>
    internal const int BlockedMin = 16;

    /// <summary>c = A·B for strided views A (n×k), B (k×m) into a dense row-major c (n×m).</summary>
    internal static unsafe void MatMulBlocked(StridedMatrix a, StridedMatrix b, double[] c, int n, int k, int m,
        KernelKind kind, int threads)
    {
        int nr = MicroKernels.NR(kind);
        int ncMax = Math.Min(NC, RoundUp(m, nr)), kcMax = Math.Min(KC, k);
        double[] packedB = Buffer(ref _packedB, kcMax * ncMax);
        int blocks = (n + MC - 1) / MC;
        threads = (long)n * k * m < ParallelThreshold ? 1 : Math.Clamp(threads, 1, blocks);
        for (int jc = 0; jc < m; jc += NC)
        {
            int nc = Math.Min(NC, m - jc);
            for (int pc = 0; pc < k; pc += KC)
            {
                int kc = Math.Min(KC, k - pc);
                PackB(b, pc, kc, jc, nc, nr, packedB);
                var panel = new Panel(a, packedB, c, n, m, pc, kc, jc, nc, kind, Accumulate: pc > 0);
                if (threads == 1) RunBlocks(panel, 0, blocks, 1);
                else RunBlocksInParallel(panel, blocks, threads);
            }
        }
    }

    /// <summary>
    /// The blocks of one panel over the threads. A method of its own: the lambda's closure is allocated where its
    /// captured variables live, and here that is only when a product is large enough to be split.
    /// </summary>
    private static void RunBlocksInParallel(Panel panel, int blocks, int threads) =>
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads },
            t => RunBlocks(panel, t, blocks, threads));

    // Packing buffers, one pair per thread, kept between calls: a product allocates nothing once warm.
    [ThreadStatic] private static double[]? _packedA, _packedB;

    private static double[] Buffer(ref double[]? buffer, int length)
    {
        if (buffer is null || buffer.Length < length)
            buffer = new double[length];
        return buffer;
    }

    /// <summary>One packed KC×NC panel of B and where its contribution goes in C.</summary>
    private readonly record struct Panel(StridedMatrix A, double[] PackedB, double[] C, int N, int M,
        int Pc, int Kc, int Jc, int Nc, KernelKind Kind, bool Accumulate);

    /// <summary>Thread t takes MC-row blocks t, t + threads, …: a fixed assignment of disjoint output rows.</summary>
    private static void RunBlocks(Panel panel, int t, int blocks, int threads)
    {
        double[] packedA = Buffer(ref _packedA, RoundUp(MC, MicroKernels.MR) * panel.Kc);
        for (int block = t; block < blocks; block += threads)
        {
            int ic = block * MC, mc = Math.Min(MC, panel.N - ic);
            PackA(panel.A, ic, mc, panel.Pc, panel.Kc, packedA);
            MultiplyBlock(panel, ic, mc, packedA);
        }
    }

    /// <summary>C[ic.., jc..] (+)= packedA (mc×kc) · packedB (kc×nc), tile by tile.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void MultiplyBlock(Panel p, int ic, int mc, double[] packedA)
    {
        const int MR = MicroKernels.MR;
        int nr = MicroKernels.NR(p.Kind);
        double* tile = stackalloc double[MR * MicroKernels.NR512Wide];
        fixed (double* pa = packedA, pb = p.PackedB, pc = p.C)
        {
            for (int jr = 0; jr < p.Nc; jr += nr)
            {
                int cols = Math.Min(nr, p.Nc - jr);
                for (int ir = 0; ir < mc; ir += MR)
                {
                    int rows = Math.Min(MR, mc - ir);
                    double* a = pa + ir * p.Kc, b = pb + jr * p.Kc, c = pc + (long)(ic + ir) * p.M + p.Jc + jr;
                    if (rows == MR && cols == nr)
                    {
                        MicroKernels.Run(p.Kind, p.Kc, a, b, c, p.M, p.Accumulate);
                        continue;
                    }
                    // An edge tile: compute the full tile from zero-padded slivers, keep the part inside C.
                    MicroKernels.Run(p.Kind, p.Kc, a, b, tile, nr, accumulate: false);
                    for (int r = 0; r < rows; r++)
                        for (int j = 0; j < cols; j++)
                            c[r * p.M + j] = p.Accumulate ? c[r * p.M + j] + tile[r * nr + j] : tile[r * nr + j];
                }
            }
        }
    }

    /// <summary>Packs A[ic..ic+mc, pc..pc+kc] as MR-row slivers, each stored p-major (MR values per p),
    /// zero-padded.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void PackA(StridedMatrix a, int ic, int mc, int pc, int kc, double[] packed)
    {
        const int MR = MicroKernels.MR;
        long rs = a.RowStride, cs = a.ColStride;
        fixed (double* src = a.Data, dst = packed)
        {
            for (int ir = 0; ir < mc; ir += MR)
            {
                int rows = Math.Min(MR, mc - ir);
                double* sliver = dst + (long)ir * kc, from = src + (ic + ir) * rs + pc * cs;
                if (cs == 1 && rows == MR) // row-major A, a full sliver: six row streams, one contiguous write per p
                {
                    double* r0 = from, r1 = r0 + rs, r2 = r1 + rs, r3 = r2 + rs, r4 = r3 + rs, r5 = r4 + rs;
                    for (int p = 0; p < kc; p++, sliver += MR)
                        (sliver[0], sliver[1], sliver[2], sliver[3], sliver[4], sliver[5]) =
                            (r0[p], r1[p], r2[p], r3[p], r4[p], r5[p]);
                    continue;
                }
                if (cs == 1) // row-major A: walk each row along p
                    for (int r = 0; r < rows; r++)
                        for (int p = 0; p < kc; p++)
                            sliver[p * MR + r] = from[r * rs + p];
                else         // a transposed operand: walk each column along r
                    for (int p = 0; p < kc; p++)
                        for (int r = 0; r < rows; r++)
                            sliver[p * MR + r] = from[r * rs + p * cs];
                for (int r = rows; r < MR; r++)
                    for (int p = 0; p < kc; p++)
                        sliver[p * MR + r] = 0;
            }
        }
    }

    /// <summary>Packs B[pc..pc+kc, jc..jc+nc] as NR-column slivers, each stored p-major (NR values per p),
    /// zero-padded.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void PackB(StridedMatrix b, int pc, int kc, int jc, int nc, int nr, double[] packed)
    {
        long rs = b.RowStride, cs = b.ColStride;
        fixed (double* src = b.Data, dst = packed)
        {
            for (int jr = 0; jr < nc; jr += nr)
            {
                int cols = Math.Min(nr, nc - jr);
                double* sliver = dst + (long)jr * kc, from = src + pc * rs + (jc + jr) * cs;
                if (cs == 1 && cols == nr && nr % 4 == 0) // row-major B, a full sliver: whole vectors per p
                {
                    for (int p = 0; p < kc; p++)
                        for (int j = 0; j < nr; j += 4)
                            Vector256.Load(from + p * rs + j).Store(sliver + p * nr + j);
                    continue;
                }
                if (cs == 1) // row-major B: each p is a contiguous run of columns
                    for (int p = 0; p < kc; p++)
                        for (int j = 0; j < cols; j++)
                            sliver[p * nr + j] = from[p * rs + j];
                else         // a transposed operand: walk each column along p
                    for (int j = 0; j < cols; j++)
                        for (int p = 0; p < kc; p++)
                            sliver[p * nr + j] = from[p * rs + j * cs];
                for (int j = cols; j < nr; j++)
                    for (int p = 0; p < kc; p++)
                        sliver[p * nr + j] = 0;
            }
        }
    }

    /// <summary>The micro-kernel large products run on this CPU, e.g. "Vector512 FMA 6×16".</summary>
    public static string MatMulKernelName => MicroKernels.Best switch
    {
        KernelKind.Avx512 => $"Vector512 FMA {MicroKernels.MR}×{MicroKernels.NR512} (6×{MicroKernels.NR512Wide} from " +
            "384 columns)",
        KernelKind.Avx2 => $"Vector256 FMA {MicroKernels.MR}×{MicroKernels.NR256}",
        _ => $"scalar FMA {MicroKernels.MR}×{MicroKernels.NRScalar}",
    };

    private static int RoundUp(int x, int multiple) => (x + multiple - 1) / multiple * multiple;
}
