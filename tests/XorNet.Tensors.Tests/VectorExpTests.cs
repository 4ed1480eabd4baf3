using System.Runtime.Intrinsics;
using XorNet.Tensors;

namespace XorNet.Tensors.Tests;

/// <summary>XorNet's own e^x and σ: accurate to about 1 ulp, and the same bits from the scalar and both vector
/// paths.</summary>
public class VectorExpTests
{
    private static double Ulps(double expected, double actual) =>
        expected == actual ? 0
            : Math.Abs(expected - actual) / (Math.BitIncrement(Math.Abs(expected)) - Math.Abs(expected));

    [Fact]
    public void Exp_IsWithinTwoUlpsOfTheLibrary_OverItsRange()
    {
        var rng = new Rng(20230828);
        double worst = 0;
        for (int i = 0; i < 200_000; i++)
        {
            double x = rng.Uniform(-708, 709.7);
            worst = Math.Max(worst, Ulps(Math.Exp(x), Ops.Exp(x)));
        }
        Assert.True(worst <= 2, $"worst error {worst} ulp");
    }

    [Fact]
    public void Exp_EdgeCases()
    {
        Assert.Equal(1.0, Ops.Exp(0));
        Assert.Equal(1.0, Ops.Exp(-0.0));
        Assert.Equal(double.PositiveInfinity, Ops.Exp(710));
        Assert.Equal(double.PositiveInfinity, Ops.Exp(double.PositiveInfinity));
        Assert.Equal(0.0, Ops.Exp(-709));
        Assert.Equal(0.0, Ops.Exp(double.NegativeInfinity));
        Assert.True(double.IsNaN(Ops.Exp(double.NaN)));
        Assert.True(Ulps(Math.Exp(709.78), Ops.Exp(709.78)) <= 2);
        Assert.True(Ulps(Math.Exp(-707.9), Ops.Exp(-707.9)) <= 2);
    }

    [Fact]
    public void ScalarAndVectorPaths_GiveTheSameBits()
    {
        var rng = new Rng(5);
        var x = new double[4096];
        for (int i = 0; i < x.Length; i++)
            x[i] = i % 97 == 0 ? double.NaN : i % 89 == 0 ? 1000 * (rng.NextDouble() - 0.5) : rng.Uniform(-40, 40);
        for (int i = 0; i + 8 <= x.Length; i += 8)
        {
            var v512 = Vector512.Create(x, i);
            Vector512<double> e512 = VectorExp.Exp(v512), s512 = VectorExp.Sigmoid(v512);
            Vector256<double> e256 = VectorExp.Exp(Vector256.Create(x, i)), s256 =
                VectorExp.Sigmoid(Vector256.Create(x, i));
            for (int l = 0; l < 8; l++)
            {
                double e = VectorExp.Exp(x[i + l]), s = VectorExp.Sigmoid(x[i + l]);
                Assert.Equal(BitConverter.DoubleToInt64Bits(e), BitConverter.DoubleToInt64Bits(e512[l]));
                Assert.Equal(BitConverter.DoubleToInt64Bits(s), BitConverter.DoubleToInt64Bits(s512[l]));
                if (l < 4)
                {
                    Assert.Equal(BitConverter.DoubleToInt64Bits(e), BitConverter.DoubleToInt64Bits(e256[l]));
                    Assert.Equal(BitConverter.DoubleToInt64Bits(s), BitConverter.DoubleToInt64Bits(s256[l]));
                }
            }
        }
    }

    [Fact]
    public void MatrixSigmoid_MatchesTheScalar_AtEveryPosition_AndTheTextbookFormula()
    {
        var rng = new Rng(9);
        foreach (int length in new[] { 1, 3, 7, 8, 13, 30, 100 })
        {
            var z = new Matrix(1, length);
            rng.FillUniform(z, -30, 30);
            var s = new Matrix(1, length);
            Ops.Sigmoid(z, s);
            for (int i = 0; i < length; i++)
            {
                Assert.Equal(Ops.Sigmoid(z.Data[i]), s.Data[i]);
                Assert.True(Math.Abs(s.Data[i] - 1 / (1 + Math.Exp(-z.Data[i]))) <= 1e-15 * Math.Max(s.Data[i], 1e-300)
                    + 1e-300);
            }
        }
        Assert.Equal(1.0, Ops.Sigmoid(800));
        Assert.Equal(0.0, Ops.Sigmoid(-800));
        Assert.Equal(0.5, Ops.Sigmoid(0));
    }

    [Fact]
    public void SigmoidPade_IsWithinThreeUlpsOfTheLibrarysSigmoid_AndOfXorNetsOther()
    {
        var rng = new Rng(31);
        double worst = 0, worstOther = 0;
        for (int i = 0; i < 200_000; i++)
        {
            double z = i % 2 == 0 ? rng.Uniform(-40, 40) : rng.Uniform(-700, 700);
            double library = z >= 0 ? 1 / (1 + Math.Exp(-z)) : Math.Exp(z) / (1 + Math.Exp(z));
            worst = Math.Max(worst, Ulps(library, Ops.SigmoidPade(z)));
            worstOther = Math.Max(worstOther, Ulps(Ops.Sigmoid(z), Ops.SigmoidPade(z)));
        }
        Assert.True(worst <= 3, $"worst error {worst} ulp");
        Assert.True(worstOther <= 4, $"worst difference from Ops.Sigmoid {worstOther} ulp");
    }

    [Fact]
    public void SigmoidPade_EdgeCases()
    {
        Assert.Equal(0.5, Ops.SigmoidPade(0));
        Assert.Equal(0.5, Ops.SigmoidPade(-0.0));
        Assert.Equal(1.0, Ops.SigmoidPade(800));
        Assert.Equal(0.0, Ops.SigmoidPade(-800));
        Assert.Equal(1.0, Ops.SigmoidPade(double.PositiveInfinity));
        Assert.Equal(0.0, Ops.SigmoidPade(double.NegativeInfinity));
        Assert.True(double.IsNaN(Ops.SigmoidPade(double.NaN)));
        Assert.True(Ulps(Math.Exp(-707.9), Ops.SigmoidPade(-707.9)) <= 3);
    }

    [Fact]
    public void SigmoidPade_ScalarAndVectorPaths_GiveTheSameBits()
    {
        var rng = new Rng(6);
        var x = new double[4096];
        for (int i = 0; i < x.Length; i++)
            x[i] = i % 97 == 0 ? double.NaN : i % 89 == 0 ? 2000 * (rng.NextDouble() - 0.5)
                : i % 83 == 0 ? double.NegativeInfinity : rng.Uniform(-40, 40);
        for (int i = 0; i + 8 <= x.Length; i += 8)
        {
            Vector512<double> s512 = VectorExp.SigmoidPade(Vector512.Create(x, i));
            Vector256<double> s256 = VectorExp.SigmoidPade(Vector256.Create(x, i));
            for (int l = 0; l < 8; l++)
            {
                long s = BitConverter.DoubleToInt64Bits(VectorExp.SigmoidPade(x[i + l]));
                Assert.Equal(s, BitConverter.DoubleToInt64Bits(s512[l]));
                if (l < 4) Assert.Equal(s, BitConverter.DoubleToInt64Bits(s256[l]));
            }
        }
        var m = new Matrix(1, 4093); // every path and the tail: the matrix's entries are the scalar's
        x.AsSpan(0, m.Length).CopyTo(m.Data);
        var d = new Matrix(1, m.Length);
        Ops.SigmoidPade(m, d);
        for (int i = 0; i < m.Length; i++)
            Assert.Equal(BitConverter.DoubleToInt64Bits(Ops.SigmoidPade(m.Data[i])),
                BitConverter.DoubleToInt64Bits(d.Data[i]));
    }
}
