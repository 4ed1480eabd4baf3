using XorNet.Tensors;

namespace XorNet.Tensors.Tests;

public class OpsMoreActivationsTests
{
    private static Matrix Row(params double[] v) => Matrix.RowVector(v);

    [Fact]
    public void Tanh_AndItsDerivativeFromOutput_HandComputed()
    {
        var z = Row(0, Math.Log(3), -Math.Log(3)); // tanh(ln 3) = (9 − 1)/(9 + 1) = 0.8
        var t = new Matrix(1, 3);
        Ops.Tanh(z, t);
        Assert.Equal([0, 0.8, -0.8], t.Data.Select(v => Math.Round(v, 14)));
        var d = new Matrix(1, 3);
        Ops.TanhDerivativeFromOutput(t, d);
        Assert.Equal([1, 0.36, 0.36], d.Data.Select(v => Math.Round(v, 14))); // 1 − 0.8²
    }

    [Fact]
    public void Relu_AndItsDerivative_AreZeroAtAndBelowTheKink()
    {
        var z = Row(-2, 0, 3.5);
        var h = new Matrix(1, 3);
        Ops.Relu(z, h);
        Assert.Equal([0, 0, 3.5], h.Data);
        var d = new Matrix(1, 3);
        Ops.ReluDerivative(z, d);
        Assert.Equal([0, 0, 1], d.Data);
    }

    [Fact]
    public void Softmax_HandComputed_AndDoesNotOverflow()
    {
        var z = Matrix.FromRows(new double[,] { { 0, Math.Log(3) }, { 1000, 1000 }, { -1000, 0 } });
        var h = new Matrix(3, 2);
        Ops.Softmax(z, h);
        Assert.Equal(0.25, h[0, 0], 1e-15);
        Assert.Equal(0.75, h[0, 1], 1e-15);
        Assert.Equal(0.5, h[1, 0]); // e^1000 would overflow without the max shift
        Assert.Equal(1.0, h[2, 1]);
        Assert.Equal(0.0, h[2, 0]);
    }

    [Fact]
    public void LogSumExp_HandComputed_AndStableForLargeInputs()
    {
        Assert.Equal(Math.Log(4), Ops.LogSumExp([0, Math.Log(3)]), 1e-15);
        Assert.Equal(1000 + Math.Log(2), Ops.LogSumExp([1000, 1000]), 1e-12);
    }

    [Fact]
    public void AbsSum_AndAddScaledSign_UseSignOfZeroEqualsZero()
    {
        var w = Row(0.5, -2, 0);
        Assert.Equal(2.5, Ops.AbsSum(w));
        var d = Row(1, 1, 1);
        Ops.AddScaledSign(w, 0.25, d);
        Assert.Equal([1.25, 0.75, 1], d.Data);
        Assert.True(double.IsNaN(Ops.Sign(double.NaN)));
    }

    [Fact]
    public void Clamp_LimitsEveryEntry()
    {
        var g = Row(-3, 0.5, 2);
        Ops.Clamp(g, 1, g);
        Assert.Equal([-1, 0.5, 1], g.Data);
        Assert.Throws<ArgumentOutOfRangeException>(() => Ops.Clamp(g, -1, g));
    }

    [Fact]
    public void ShapeMismatch_NamesBothShapes()
    {
        var e = Assert.Throws<ArgumentException>(() => Ops.Softmax(new Matrix(2, 3), new Matrix(3, 2)));
        Assert.Contains("(2×3)", e.Message);
        Assert.Contains("(3×2)", e.Message);
        Assert.Throws<ArgumentException>(() => Ops.Tanh(new Matrix(1, 2), new Matrix(1, 3)));
        Assert.Throws<ArgumentException>(() => Ops.ReluDerivative(new Matrix(1, 2), new Matrix(2, 1)));
    }
}
