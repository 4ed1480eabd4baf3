using System.Runtime.Intrinsics.X86;
using XorNet.Tensors;

namespace XorNet.Tensors.Tests;

/// <summary>The fast matrix products against the naive triple loop: blocked (FMA) within 1e-12, small ones bit for
/// bit.</summary>
public class MatMulKernelTests
{
    /// <summary>|expected − actual| ≤ 1e-12 · Σ_p |a_ip·b_pj| (the scale a reordered sum can err by), per
    /// entry.</summary>
    private static void AssertCloseToNaive(Matrix a, Matrix b, Matrix actual)
    {
        var expected = new Matrix(a.Rows, b.Cols);
        Ops.MatMulNaive(a, b, expected);
        for (int i = 0; i < a.Rows; i++)
            for (int j = 0; j < b.Cols; j++)
            {
                double scale = 0;
                for (int p = 0; p < a.Cols; p++)
                    scale += Math.Abs(a[i, p] * b[p, j]);
                double error = Math.Abs(expected[i, j] - actual[i, j]);
                Assert.True(error <= 1e-12 * Math.Max(scale, 1e-300),
                    $"({i},{j}): naive {expected[i, j]:R}, fast {actual[i, j]:R}");
            }
    }

    public static TheoryData<int, int, int> BlockedShapes => new()
    {
        { 16, 16, 16 }, { 17, 19, 23 }, { 32, 32, 32 }, { 97, 31, 45 }, { 100, 300, 50 }, { 130, 257, 70 },
            { 61, 530, 33 },
    };

    [Theory]
    [MemberData(nameof(BlockedShapes))]
    public void PublicProducts_AgreeWithNaive_OnBlockedShapes(int n, int k, int m)
    {
        var rng = new Rng((ulong)(n * 1_000_000 + k * 1000 + m));
        Matrix a = TestMatrices.Random(rng, n, k), b = TestMatrices.Random(rng, k, m);
        Assert.True(Ops.UseBlocked(n, k, m));
        var c = new Matrix(n, m);
        Ops.MatMul(a, b, c);
        AssertCloseToNaive(a, b, c);
        Ops.MatMulTransposeA(TestMatrices.Transpose(a), b, c);
        AssertCloseToNaive(a, b, c);
        Ops.MatMulTransposeB(a, TestMatrices.Transpose(b), c);
        AssertCloseToNaive(a, b, c);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void EveryMicroKernel_GivesTheSameBits_OnRandomOddShapes(int kindNumber)
    {
        var kind = (KernelKind)kindNumber;
        if (kind is KernelKind.Avx512 or KernelKind.Avx512Wide && !Avx512F.IsSupported || kind == KernelKind.Avx2
            && !(Avx2.IsSupported && Fma.IsSupported))
            return; // this CPU cannot run it; the portable kernel is still checked against the same reference
        var rng = new Rng(20230828);
        for (int trial = 0; trial < 12; trial++)
        {
            int n = 1 + rng.NextInt(140), k = 1 + rng.NextInt(600), m = 1 + rng.NextInt(90);
            Matrix a = TestMatrices.Random(rng, n, k), b = TestMatrices.Random(rng, k, m);
            var reference = new Matrix(n, m);
            Ops.MatMulBlocked(new(a.Data, k, 1), new(b.Data, m, 1), reference.Data, n, k, m, KernelKind.Scalar,
                threads: 1);
            AssertCloseToNaive(a, b, reference);
            var c = new Matrix(n, m);
            Ops.MatMulBlocked(new(a.Data, k, 1), new(b.Data, m, 1), c.Data, n, k, m, kind, threads: 1);
            Assert.Equal(reference.Data, c.Data); // all kernels: one FMA chain per entry in the same order
        }
    }

    [Fact]
    public void ThreadCount_DoesNotChangeASingleBit()
    {
        var rng = new Rng(7);
        const int n = 301, k = 517, m = 263; // large enough to run in parallel, odd on every side
        Matrix a = TestMatrices.Random(rng, n, k), b = TestMatrices.Random(rng, k, m);
        var one = new Matrix(n, m);
        Ops.MatMulBlocked(new(a.Data, k, 1), new(b.Data, m, 1), one.Data, n, k, m, MicroKernels.Best, threads: 1);
        foreach (int threads in new[] { 2, 3, 8 })
        {
            var many = new Matrix(n, m);
            Ops.MatMulBlocked(new(a.Data, k, 1), new(b.Data, m, 1), many.Data, n, k, m, MicroKernels.Best, threads);
            Assert.Equal(one.Data, many.Data);
        }
        AssertCloseToNaive(a, b, one);
    }

    [Theory]
    [InlineData(10, 2, 3)]
    [InlineData(10, 3, 2)]
    [InlineData(300, 2, 50)]
    [InlineData(300, 50, 2)]
    [InlineData(7, 15, 9)]
    [InlineData(1, 1, 1)]
    [InlineData(13, 40, 5)]
    [InlineData(10, 2, 50)]  // the five products of a batch-10 step at H = 50
    [InlineData(10, 50, 2)]
    [InlineData(50, 10, 2)]
    [InlineData(2, 10, 50)]
    [InlineData(4, 3, 37)]
    [InlineData(10, 8, 8)]   // the deep stacks' products: 2→8→8→8→2 and 2→64→64→2 at batch 10
    [InlineData(8, 10, 8)]
    [InlineData(10, 64, 64)]
    [InlineData(64, 10, 64)]
    [InlineData(11, 6, 24)]  // four rows at a time and three left over; a transposed k not a multiple of four
    public void SmallProducts_AreBitIdenticalToTheNaiveLoop(int n, int k, int m)
    {
        Assert.False(Ops.UseBlocked(n, k, m)); // these shapes keep the one-multiply-one-add rounding of the naive loop
        var rng = new Rng((ulong)(n * 10_000 + k * 100 + m));
        Matrix a = TestMatrices.Random(rng, n, k), b = TestMatrices.Random(rng, k, m);
        var expected = new Matrix(n, m);
        Ops.MatMulNaive(a, b, expected);
        var c = new Matrix(n, m);
        Ops.MatMul(a, b, c);
        Assert.Equal(expected.Data, c.Data);
        Ops.MatMulTransposeA(TestMatrices.Transpose(a), b, c);
        Assert.Equal(expected.Data, c.Data);
        Ops.MatMulTransposeB(a, TestMatrices.Transpose(b), c);
        Assert.Equal(expected.Data, c.Data);
    }

    [Fact]
    public void MaxMatMulThreads_IsAnUpperBoundOnly()
    {
        var rng = new Rng(11);
        Matrix a = TestMatrices.Random(rng, 256, 256), b = TestMatrices.Random(rng, 256, 256);
        var c1 = new Matrix(256, 256);
        var c2 = new Matrix(256, 256);
        int saved = Ops.MaxMatMulThreads;
        try
        {
            Ops.MaxMatMulThreads = 1;
            Ops.MatMul(a, b, c1);
            Ops.MaxMatMulThreads = 4;
            Ops.MatMul(a, b, c2);
        }
        finally
        {
            Ops.MaxMatMulThreads = saved;
        }
        Assert.Equal(c1.Data, c2.Data);
    }
}
