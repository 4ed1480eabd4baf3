namespace XorNet.Tensors.Tests;

/// <summary>Each fused kernel against the composition of unfused Ops it replaces.</summary>
public class OpsFusedTests
{
    /// <summary>The unfused reference: the grid points as rows of X, then σ(X·W1 + b1)·W2.</summary>
    private static Matrix GridByOps(double[] xs, double[] ys, Matrix w1, Matrix b1, Matrix w2)
    {
        var x = new Matrix(xs.Length * ys.Length, 2);
        for (int r = 0; r < ys.Length; r++)
            for (int c = 0; c < xs.Length; c++)
                (x[r * xs.Length + c, 0], x[r * xs.Length + c, 1]) = (xs[c], ys[r]);
        Matrix z1 = new(x.Rows, w1.Cols), h1 = new(x.Rows, w1.Cols), z2 = new(x.Rows, w2.Cols);
        Ops.MatMul(x, w1, z1);
        Ops.AddRowVector(z1, b1, z1);
        Ops.Sigmoid(z1, h1);
        Ops.MatMul(h1, w2, z2);
        return z2;
    }

    [Theory]
    [InlineData(3, 2, 37, 5)]
    [InlineData(50, 2, 100, 9)]
    [InlineData(4, 3, 3, 2)]
    public void SigmoidLayerOverGrid_MatchesMatMulAddSigmoidMatMul(int hidden, int classes, int m, int n)
    {
        var rng = new Rng(11);
        Matrix w1 = TestMatrices.Random(rng, 2, hidden, 3), b1 = TestMatrices.Random(rng, 1, hidden, 3), w2 =
            TestMatrices.Random(rng, hidden, classes);
        w1[0, 0] = 400; // this neuron's factors e^−400·x would overflow: it takes the exact σ
        w1[0, 1] = 150; // |z| up to 450: two factors, but too large to share a division with a neighbour
        double[] xs = Enumerable.Range(0, m).Select(i => -3 + 6.0 * i / m).ToArray();
        double[] ys = Enumerable.Range(0, n).Select(i => -2 + 5.0 * i / n).ToArray();
        var fused = new Matrix(m * n, classes);
        Ops.SigmoidLayerOverGrid(xs, ys, w1, b1, w2, fused);
        Matrix expected = GridByOps(xs, ys, w1, b1, w2);
        for (int i = 0; i < fused.Length; i++)
            Assert.True(Math.Abs(expected.Data[i] - fused.Data[i]) <= 1e-13 * Math.Max(1, Math.Abs(expected.Data[i])),
                $"entry {i}: {expected.Data[i]:R} vs {fused.Data[i]:R}");
    }

    [Fact]
    public void SigmoidLayerOverGrid_RejectsWrongShapes()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            Ops.SigmoidLayerOverGrid(new double[3], new double[2], new Matrix(2, 4), new Matrix(1, 4), new Matrix(4, 2),
                new Matrix(5, 2)));
        Assert.Contains("(6×2)", ex.Message);
    }

    [Theory]
    [InlineData(10, 2)]
    [InlineData(7, 3)]
    [InlineData(300, 2)]
    public void SigmoidMseGradient_IsBitIdenticalToSubtractScaleDerivativeMultiply(int n, int k)
    {
        var rng = new Rng(3);
        Matrix h = TestMatrices.Random(rng, n, k, 1), y = TestMatrices.Random(rng, n, k, 1);
        Matrix g = new(n, k), d = new(n, k), o = new(n, k), g2 = new(n, k), d2 = new(n, k), o2 = new(n, k);
        Ops.Subtract(h, y, g);
        Ops.Scale(g, 1.0 / n, g);
        Ops.SigmoidDerivativeFromOutput(h, d);
        Ops.Multiply(g, d, o);
        Ops.SigmoidMseGradient(h, y, 1.0 / n, g2, d2, o2);
        Assert.Equal(g.Data, g2.Data);
        Assert.Equal(d.Data, d2.Data);
        Assert.Equal(o.Data, o2.Data);
    }

    [Theory]
    [InlineData(10, 50)]
    [InlineData(3, 3)]
    [InlineData(300, 7)]
    public void MultiplySigmoidDerivative_IsBitIdenticalToDerivativeThenMultiply(int n, int h)
    {
        var rng = new Rng(5);
        Matrix dL_dh = TestMatrices.Random(rng, n, h), s = TestMatrices.Random(rng, n, h, 1);
        Matrix d = new(n, h), o = new(n, h), d2 = new(n, h), o2 = new(n, h);
        Ops.SigmoidDerivativeFromOutput(s, d);
        Ops.Multiply(dL_dh, d, o);
        Ops.MultiplySigmoidDerivative(dL_dh, s, d2, o2);
        Assert.Equal(d.Data, d2.Data);
        Assert.Equal(o.Data, o2.Data);
    }

    [Fact]
    public void SquaredDistance_IsTheSquaredSumOfTheDifference_AndNeedsOneShape()
    {
        var a = new Matrix(2, 3, [1, 2, 3, 4, 5, 6]);
        var b = new Matrix(2, 3, [1, 0, 3, 1, 5, 7]);
        Assert.Equal(4 + 9 + 1, Ops.SquaredDistance(a, b));
        Assert.Equal(0, Ops.SquaredDistance(a, a));
        var e = Assert.Throws<ArgumentException>(() => Ops.SquaredDistance(a, new Matrix(3, 2)));
        Assert.Contains("(2×3)", e.Message);
    }

    [Fact]
    public void SquaredSums_AreTheFourSquaredSums()
    {
        var rng = new Rng(8);
        Matrix[] m =
            [TestMatrices.Random(rng, 2, 50), TestMatrices.Random(rng, 1, 50), TestMatrices.Random(rng, 50, 2),
            TestMatrices.Random(rng, 1, 2)];
        var sums = new double[4];
        Ops.SquaredSums(m[0], m[1], m[2], m[3], sums);
        Assert.Equal(m.Select(Ops.SquaredSum), sums);
    }

    [Theory]
    [InlineData(10, 50)]
    [InlineData(10, 2)]
    [InlineData(1, 13)]
    public void SumRows_IsBitIdenticalToAddingRowByRow(int n, int m)
    {
        var rng = new Rng(9);
        Matrix a = TestMatrices.Random(rng, n, m), sums = new(1, m), expected = new(1, m);
        for (int r = 0; r < n; r++)
            for (int c = 0; c < m; c++)
                expected[0, c] += a[r, c];
        Ops.SumRows(a, sums);
        Assert.Equal(expected.Data, sums.Data);
    }

    [Theory]
    [InlineData(10, 2, 50)]
    [InlineData(10, 50, 2)]
    [InlineData(300, 2, 3)]
    [InlineData(5, 3, 12)]
    [InlineData(10, 8, 8)]      // four rows at a time, the deep stacks' layers
    [InlineData(10, 64, 64)]
    [InlineData(200, 200, 200)] // a blocked product
    public void MatMulAddRowVector_IsBitIdenticalToMatMulThenAddRowVector(int n, int k, int m)
    {
        var rng = new Rng(12);
        Matrix a = TestMatrices.Random(rng, n, k), b = TestMatrices.Random(rng, k, m), row =
            TestMatrices.Random(rng, 1, m);
        Matrix expected = new(n, m), fused = new(n, m);
        Ops.MatMul(a, b, expected);
        Ops.AddRowVector(expected, row, expected);
        Ops.MatMulAddRowVector(a, b, row, fused);
        Assert.Equal(expected.Data, fused.Data);
    }
}
