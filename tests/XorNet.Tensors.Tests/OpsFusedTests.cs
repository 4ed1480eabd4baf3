namespace XorNet.Tensors.Tests;

/// <summary>Each fused kernel against the composition of unfused Ops it replaces.</summary>
public class OpsFusedTests
{
    private static Matrix Random(Rng rng, int rows, int cols, double scale = 2)
    {
        var m = new Matrix(rows, cols);
        rng.FillUniform(m, -scale, scale);
        return m;
    }

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
        Matrix w1 = Random(rng, 2, hidden, 3), b1 = Random(rng, 1, hidden, 3), w2 = Random(rng, hidden, classes);
        w1[0, 0] = 400; // this neuron's factors e^−400·x would overflow: it takes the exact σ
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
            Ops.SigmoidLayerOverGrid(new double[3], new double[2], new Matrix(2, 4), new Matrix(1, 4), new Matrix(4, 2), new Matrix(5, 2)));
        Assert.Contains("(6×2)", ex.Message);
    }
}
