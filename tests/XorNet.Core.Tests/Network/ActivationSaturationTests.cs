using XorNet.Tensors;

namespace XorNet.Tests;

public class ActivationSaturationTests
{
    private static Matrix M(int rows, int cols, params double[] values) => new(rows, cols, values);

    [Fact]
    public void Sigmoid_CountsActivationsWhoseDerivativeIsBelowOnePercentOfAQuarter()
    {
        // σ′ = h(1 − h): 0.25 at 0.5; 0.999 → 0.000999 and 0.001 → 0.000999 are below 0.0025; 0.99 → 0.0099 is not
        var h = M(2, 2, 0.5, 0.999, 0.001, 0.99);
        Assert.Equal(0.5, HiddenActivation.For(ActivationKind.Sigmoid).SaturatedShare(h, h));
    }

    [Fact]
    public void Tanh_CountsActivationsWhoseDerivativeIsBelowOnePercent()
    {
        // tanh′ = 1 − h²: 0.996 → 0.008 and −0.999 → 0.002 are below 0.01; 0.99 → 0.0199 and 0 are not
        var h = M(1, 4, 0.996, -0.999, 0.99, 0);
        Assert.Equal(0.5, HiddenActivation.For(ActivationKind.Tanh).SaturatedShare(h, h));
    }

    [Fact]
    public void Relu_CountsUnitsThatAreZeroOnEveryRow()
    {
        // columns: alive on row 1 only, dead (z ≤ 0 everywhere), alive everywhere
        var z = M(2, 3, -1, 0, 2, 3, -5, 1);
        var h = new Matrix(2, 3);
        Ops.Relu(z, h);
        Assert.Equal(1.0 / 3, HiddenActivation.For(ActivationKind.Relu).SaturatedShare(z, h), 1e-15);
    }

    [Theory]
    [InlineData(ActivationKind.Sigmoid)]
    [InlineData(ActivationKind.Tanh)]
    [InlineData(ActivationKind.Relu)]
    public void ANaNLayer_HasNoShare(ActivationKind kind)
    {
        var z = M(1, 2, double.NaN, double.NaN);
        Assert.True(double.IsNaN(HiddenActivation.For(kind).SaturatedShare(z, z)));
    }
}
