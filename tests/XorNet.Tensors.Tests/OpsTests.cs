using XorNet.Tensors;

namespace XorNet.Tensors.Tests;

public class OpsTests
{
    private static void AssertClose(Matrix expected, Matrix actual, double relTol = 1e-12)
    {
        Assert.Equal(expected.Shape, actual.Shape);
        for (int i = 0; i < expected.Length; i++)
        {
            double scale = Math.Max(1, Math.Abs(expected.Data[i]));
            Assert.True(Math.Abs(expected.Data[i] - actual.Data[i]) <= relTol * scale,
                $"entry {i}: expected {expected.Data[i]:R}, got {actual.Data[i]:R}");
        }
    }

    [Fact]
    public void MatMul_HandComputed()
    {
        var a = Matrix.FromRows(new double[,] { { 1, 2, 3 }, { 4, 5, 6 } });
        var b = Matrix.FromRows(new double[,] { { 7, 8 }, { 9, 10 }, { 11, 12 } });
        var c = new Matrix(2, 2);
        Ops.MatMul(a, b, c);
        Assert.Equal(new double[] { 58, 64, 139, 154 }, c.Data);
    }

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(3, 2, 5)]
    [InlineData(10, 2, 3)]
    [InlineData(7, 50, 2)]
    [InlineData(33, 17, 65)]
    [InlineData(64, 64, 64)]
    public void FastMatMulVariants_AgreeWithNaiveReference(int n, int k, int m)
    {
        var rng = new Rng(20230828);
        Matrix a = TestMatrices.Random(rng, n, k), b = TestMatrices.Random(rng, k, m);
        var expected = new Matrix(n, m);
        Ops.MatMulNaive(a, b, expected);

        var plain = new Matrix(n, m);
        Ops.MatMul(a, b, plain);
        AssertClose(expected, plain);

        var transA = new Matrix(n, m);
        Ops.MatMulTransposeA(TestMatrices.Transpose(a), b, transA);
        AssertClose(expected, transA);

        var transB = new Matrix(n, m);
        Ops.MatMulTransposeB(a, TestMatrices.Transpose(b), transB);
        AssertClose(expected, transB);
    }

    [Fact]
    public void MatMul_ShapeMismatch_NamesBothShapes()
    {
        var e = Assert.Throws<ArgumentException>(
            () => Ops.MatMul(new Matrix(2, 3), new Matrix(4, 5), new Matrix(2, 5)));
        Assert.Contains("(2×3)", e.Message);
        Assert.Contains("(4×5)", e.Message);
        var d = Assert.Throws<ArgumentException>(
            () => Ops.MatMul(new Matrix(2, 3), new Matrix(3, 5), new Matrix(5, 2)));
        Assert.Contains("(5×2)", d.Message);
        Assert.Contains("(2×5)", d.Message);
        Assert.Throws<ArgumentException>(
            () => Ops.MatMulTransposeA(new Matrix(2, 3), new Matrix(3, 2), new Matrix(3, 2)));
        Assert.Throws<ArgumentException>(
            () => Ops.MatMulTransposeB(new Matrix(2, 3), new Matrix(2, 2), new Matrix(2, 2)));
    }

    [Fact]
    public void MatMul_RejectsDestinationAliasingAnInput()
    {
        var a = new Matrix(2, 2);
        Assert.Throws<ArgumentException>(() => Ops.MatMul(a, new Matrix(2, 2), a));
    }

    [Fact]
    public void Elementwise_HandComputed()
    {
        var a = Matrix.FromRows(new double[,] { { 1, -2 }, { 3, 4 } });
        var b = Matrix.FromRows(new double[,] { { 5, 6 }, { -7, 8 } });
        var d = new Matrix(2, 2);
        Ops.Add(a, b, d);
        Assert.Equal(new double[] { 6, 4, -4, 12 }, d.Data);
        Ops.Subtract(a, b, d);
        Assert.Equal(new double[] { -4, -8, 10, -4 }, d.Data);
        Ops.Multiply(a, b, d);
        Assert.Equal(new double[] { 5, -12, -21, 32 }, d.Data);
        Ops.Scale(a, -0.5, d);
        Assert.Equal(new double[] { -0.5, 1, -1.5, -2 }, d.Data);
        Ops.AddScaled(b, 2, d);
        Assert.Equal(new double[] { 9.5, 13, -15.5, 14 }, d.Data);
    }

    [Fact]
    public void Elementwise_ShapeMismatch_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => Ops.Add(new Matrix(2, 3), new Matrix(3, 2), new Matrix(2, 3)));
        Assert.Contains("(2×3)", e.Message);
        Assert.Contains("(3×2)", e.Message);
        Assert.Throws<ArgumentException>(() => Ops.Multiply(new Matrix(1, 3), new Matrix(1, 3), new Matrix(1, 2)));
    }

    [Fact]
    public void AddRowVector_BroadcastsOverEveryRow()
    {
        var a = Matrix.FromRows(new double[,] { { 1, 2, 3 }, { 4, 5, 6 } });
        var d = new Matrix(2, 3);
        Ops.AddRowVector(a, Matrix.RowVector(10, 20, 30), d);
        Assert.Equal(new double[] { 11, 22, 33, 14, 25, 36 }, d.Data);
        var e = Assert.Throws<ArgumentException>(() => Ops.AddRowVector(a, Matrix.RowVector(1, 2), d));
        Assert.Contains("(1×2)", e.Message);
        Assert.Contains("(2×3)", e.Message);
    }

    [Fact]
    public void Sums_OverRowsAndColumns()
    {
        var a = Matrix.FromRows(new double[,] { { 1, 2, 3 }, { 4, 5, 6 } });
        var rows = new Matrix(1, 3);
        Ops.SumRows(a, rows);
        Assert.Equal(new double[] { 5, 7, 9 }, rows.Data);
        var cols = new Matrix(2, 1);
        Ops.SumColumns(a, cols);
        Assert.Equal(new double[] { 6, 15 }, cols.Data);
        Assert.Equal(91, Ops.SquaredSum(a));
        Assert.Equal(21, Ops.Sum(a));
        Assert.Throws<ArgumentException>(() => Ops.SumRows(a, new Matrix(1, 2)));
    }

    [Fact]
    public void ArgMaxRows_TakesFirstOnTies()
    {
        var a = Matrix.FromRows(new double[,] { { 0.1, 0.9 }, { 0.7, 0.3 }, { 0.5, 0.5 } });
        var idx = new int[3];
        Ops.ArgMaxRows(a, idx);
        Assert.Equal(new[] { 1, 0, 0 }, idx);
        Assert.Throws<ArgumentException>(() => Ops.ArgMaxRows(a, new int[2]));
    }

    [Fact]
    public void Sigmoid_AndDerivativeFromOutput()
    {
        var z = Matrix.RowVector(0, 2, -2, 800, -800);
        var s = new Matrix(1, 5);
        Ops.Sigmoid(z, s);
        Assert.Equal(0.5, s[0, 0]);
        Assert.Equal(1 / (1 + Math.Exp(-2)), s[0, 1], 15);
        Assert.Equal(1 - s[0, 1], s[0, 2], 15);
        Assert.Equal(1.0, s[0, 3]);
        Assert.Equal(0.0, s[0, 4]);
        var ds = new Matrix(1, 5);
        Ops.SigmoidDerivativeFromOutput(s, ds);
        Assert.Equal(0.25, ds[0, 0]);
        double h = 1e-6, numeric = (Ops.Sigmoid(2 + h) - Ops.Sigmoid(2 - h)) / (2 * h);
        Assert.Equal(numeric, ds[0, 1], 9);
    }
}
