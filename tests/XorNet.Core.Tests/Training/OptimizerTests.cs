using XorNet.Tensors;

namespace XorNet.Tests;

public class OptimizerTests
{
    private static Trainable Scalar(double value) => new("w", Matrix.RowVector(value), Matrix.RowVector(0));

    private static double Step(Optimizer opt, Trainable t, double gradient, double lr)
    {
        t.Gradient.Data[0] = gradient;
        opt.Step([t], lr);
        return t.Value.Data[0];
    }

    [Fact]
    public void Sgd_MovesAgainstTheGradient()
    {
        var w = Scalar(1.0);
        Assert.Equal(1.0 - 0.1 * 0.5, Step(new Sgd(), w, 0.5, 0.1));
    }

    [Fact]
    public void Momentum_AccumulatesVelocity_AsPyTorch()
    {
        var w = Scalar(1.0);
        var opt = new Momentum(0.9);
        // step 1: v = 0.5, θ = 1 − 0.1·0.5 = 0.95; step 2: v = 0.9·0.5 + 0.5 = 0.95, θ = 0.95 − 0.1·0.95 = 0.855
        Assert.Equal(0.95, Step(opt, w, 0.5, 0.1), 1e-15);
        Assert.Equal(0.855, Step(opt, w, 0.5, 0.1), 1e-15);
    }

    [Fact]
    public void Adam_FirstTwoSteps_MatchHandComputation()
    {
        var w = Scalar(1.0);
        var opt = new Adam(0.9, 0.999, 1e-8);
        // t=1, g=0.5: m = 0.05, v = 0.00025, m̂ = 0.05/0.1 = 0.5, v̂ = 0.00025/0.001 = 0.25,
        //            θ = 1 − 0.1·0.5/(√0.25 + 1e-8) = 0.900000002 (Adam's first step is ≈ lr·sign(g))
        Assert.Equal(0.900000002, Step(opt, w, 0.5, 0.1), 1e-15);
        // t=2, g=−1: m = 0.9·0.05 − 0.1 = −0.055, v = 0.999·0.00025 + 0.001 = 0.00124975,
        //            m̂ = −0.055/0.19, v̂ = 0.00124975/0.001999, θ = 0.900000002 − 0.1·m̂/(√v̂ + 1e-8)
        double mHat = -0.055 / 0.19, vHat = 0.00124975 / 0.001999;
        Assert.Equal(0.900000002 - 0.1 * mHat / (Math.Sqrt(vHat) + 1e-8), Step(opt, w, -1.0, 0.1), 1e-14);
        Assert.Equal(0.9366103542405654, w.Value.Data[0], 1e-12); // the same, from NumPy-free Python floats
    }

    [Fact]
    public void For_BuildsTheConfiguredOptimizer()
    {
        Assert.IsType<Sgd>(Optimizer.For(new TrainingConfig()));
        Assert.IsType<Momentum>(Optimizer.For(new TrainingConfig { Optimizer = OptimizerKind.Momentum }));
        Assert.IsType<Adam>(Optimizer.For(new TrainingConfig { Optimizer = OptimizerKind.Adam }));
    }
}
