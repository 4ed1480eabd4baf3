using XorNet.Tensors;

namespace XorNet.Tests;

public class GradientClippingTests
{
    private static Trainable T(string name, params double[] gradient) =>
        new(name, new Matrix(1, gradient.Length), Matrix.RowVector(gradient));

    [Fact]
    public void ClipByNorm_RescalesAllTensorsByTheirJointNorm()
    {
        var w = T("W", 3); var b = T("b", 0, 4); // joint norm √(9 + 16) = 5
        double norm = GradientClipping.ClipByNorm([w, b], 1.0);
        Assert.Equal(5, norm, 1e-15);
        double scale = 1.0 / (5 + 1e-6); // PyTorch: max_norm / (total_norm + 1e-6)
        Assert.Equal(3 * scale, w.Gradient.Data[0], 1e-15);
        Assert.Equal(4 * scale, b.Gradient.Data[1], 1e-15);
        Assert.True(GradientClipping.JointNorm([w, b]) < 1.0);
    }

    [Fact]
    public void ClipByNorm_LeavesSmallGradientsAlone()
    {
        var w = T("W", 0.3, -0.4);
        Assert.Equal(0.5, GradientClipping.ClipByNorm([w], 1.0), 1e-15);
        Assert.Equal([0.3, -0.4], w.Gradient.Data);
    }

    [Fact]
    public void ClipByValue_ClampsEachEntry()
    {
        var w = T("W", -3, 0.5, 2);
        GradientClipping.ClipByValue([w], 1.0);
        Assert.Equal([-1, 0.5, 1], w.Gradient.Data);
    }
}
