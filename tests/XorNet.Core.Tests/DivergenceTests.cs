namespace XorNet.Tests;

public class DivergenceTests
{
    [Fact]
    public void NaNOrInfinity_Diverges()
    {
        Assert.Contains("NaN", new DivergenceDetector(0.3).Check(1, double.NaN));
        Assert.Contains("infinite", new DivergenceDetector(0.3).Check(1, double.PositiveInfinity));
    }

    [Fact]
    public void LossFarAboveItsBest_Diverges_ButNoiseDoesNot()
    {
        var d = new DivergenceDetector(0.30);   // margin = 0.15
        Assert.Null(d.Check(1, 0.20));
        Assert.Null(d.Check(2, 0.05));
        Assert.Null(d.Check(3, 0.19));           // 3.8× the best, but below 0.05 + 0.15
        Assert.Contains("far above its best 0.05 (epoch 2)", d.Check(4, 0.21));
    }

    [Fact]
    public void Report_NamesTheExplodedGradient_AndGivesAdviceWithNumbers()
    {
        var config = new TrainingConfig { LearningRate = 2, L2 = 1e-4 };
        var epoch = new EpochDiagnostics(3, 2, [1, 1, 1, 1], [0.02, 0.01, 50, 0.1]);
        var (parameter, message) = DivergenceReport.Build(config, 3, "the loss became NaN", epoch, [0.01, 0.01, 0.05, 0.05], 0.08);
        Assert.Equal("W2", parameter); // 50 / 0.05 = 1000× growth, the largest
        Assert.Contains("epoch 3", message);
        Assert.Contains("1E+03×", message);
        // lr: min(2/10, 1/0.08 → 10) = 0.2; clip: 0.3/2 = 0.15 → 0.1; l2: max(1e-3, 1e-3)
        Assert.Contains("--lr 0.2,", message);
        Assert.Contains("--clip-norm 0.1 ", message);
        Assert.Contains("--l2 0.001", message);
    }

    [Fact]
    public void Report_SaysSoWhenNoGradientExploded()
    {
        var epoch = new EpochDiagnostics(1, 1000, [1, 1, 1, 1], [0.01, 0.01, 0.05, 0.05]);
        var (_, message) = DivergenceReport.Build(new TrainingConfig { LearningRate = 1000 }, 1, "the loss rose", epoch, [0.01, 0.01, 0.05, 0.05], 0.2);
        Assert.Contains("no gradient exploded", message);
        Assert.Contains("lr·‖g‖ = 1000 × 0.2 = 200", message);
        Assert.Contains("--lr 5,", message); // min(100, 1/0.2 = 5)
    }

    [Theory]
    [InlineData(0.37, 0.2)]
    [InlineData(7.0, 5.0)]
    [InlineData(1.0, 1.0)]
    [InlineData(0.0003, 0.0002)]
    public void NiceFloor_RoundsDownToOneTwoFive(double x, double expected) =>
        Assert.Equal(expected, DivergenceReport.NiceFloor(x), 1e-15);
}
