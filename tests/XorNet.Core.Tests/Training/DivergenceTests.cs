namespace XorNet.Tests;

public class DivergenceTests
{
    [Fact]
    public void NaNOrInfinity_DivergesAtOnce()
    {
        Assert.Contains("NaN", new DivergenceDetector(0.3).Check(1, double.NaN)!.Why);
        Assert.Contains("infinite", new DivergenceDetector(0.3).Check(1, double.PositiveInfinity)!.Why);
    }

    [Fact]
    public void LossTenTimesTheInitial_DivergesAtOnce()
    {
        var verdict = new DivergenceDetector(0.5).Check(1, 5.5);
        Assert.Equal(1, verdict!.SinceEpoch);
        Assert.Contains("exploded to 5.5, 11× its initial 0.5", verdict.Why);
    }

    [Fact]
    public void LossFarAboveItsBest_DivergesAfterFiveEpochs_ButASpikeDoesNot()
    {
        var d = new DivergenceDetector(0.30);    // far above = more than 0.15 over the best
        Assert.Null(d.Check(1, 0.20));
        Assert.Null(d.Check(2, 0.05));
        Assert.Null(d.Check(3, 0.19));           // 3.8× the best, but below 0.05 + 0.15
        Assert.Null(d.Check(4, 0.90));           // a spike ...
        Assert.Null(d.Check(5, 0.06));           // ... that recovers
        for (int epoch = 6; epoch <= 9; epoch++)
            Assert.Null(d.Check(epoch, 0.5));
        var verdict = d.Check(10, 0.5);           // the 5th epoch in a row far above the best
        Assert.Equal(6, verdict!.SinceEpoch);
        Assert.Contains("stayed far above its best 0.05 (epoch 2) since epoch 6", verdict.Why);
        Assert.True(d.HadLearned);
    }

    [Fact]
    public void Report_NamesTheExplodedGradient_AndGivesAdviceWithNumbers()
    {
        var config = new TrainingConfig { LearningRate = 2 };
        var epoch = new EpochDiagnostics(3, 2, [1, 1, 1, 1], [0.02, 0.01, 50, 0.1]);
        var (parameter, report) =
            DivergenceReport.Build(config, 3, new DivergenceVerdict(3, "the loss became NaN"), false, epoch,
            [0.01, 0.01, 0.05, 0.05], 0.08);
        string message = report.Format(Flags);
        Assert.Equal("W2", parameter); // 50 / 0.05 = 1000× growth, the largest
        Assert.StartsWith("training diverged at epoch 3: the loss became NaN; the gradient of W2 exploded", message);
        Assert.Contains("1E+03×", message);
        // lr: min(2/10, 0.25/0.08 → 2) = 0.2; clip: 0.3/2 = 0.15 → 0.1
        Assert.Contains("Try --lr 0.2, or --clip-norm 0.1 ", message);
        Assert.Equal([nameof(TrainingConfig.LearningRate), nameof(TrainingConfig.ClipNorm)],
            report.Settings.Select(x => x.Field));
        Assert.Contains("Try LearningRate 0.2, or ClipNorm 0.1 ", report.ToString()); // the core's own spelling: fields
    }

    /// <summary>The advice's settings spelled as the CLI spells them (its table is tested in
    /// XorNet.Cli.Tests).</summary>
    private static string Flags(string field) => field switch
    {
        nameof(TrainingConfig.LearningRate) => "--lr",
        nameof(TrainingConfig.ClipNorm) => "--clip-norm",
        nameof(TrainingConfig.LrSchedule) => "--lr-schedule",
        _ => field,
    };

    [Fact]
    public void Report_SaysSoWhenNoGradientExploded()
    {
        var epoch = new EpochDiagnostics(1, 1000, [1, 1, 1, 1], [0.01, 0.01, 0.05, 0.05]);
        var (_, report) =
            DivergenceReport.Build(new TrainingConfig { LearningRate = 1000 }, 5,
            new DivergenceVerdict(1, "the loss rose"), false, epoch, [0.01, 0.01, 0.05, 0.05], 0.2);
        string message = report.Format(Flags);
        Assert.Contains("no gradient exploded", message);
        Assert.Contains("in epoch 1", message);
        Assert.Contains("lr·‖g‖ = 1000 × 0.2 = 200", message);
        Assert.Contains("--lr 1,", message);           // min(100, 0.25/0.2 → 1)
        Assert.Contains("--clip-norm 0.0002 ", message); // 0.3/1000 → 0.0002
    }

    [Fact]
    public void Report_AfterLearning_AdvisesALowerRateOrADecayingSchedule()
    {
        var epoch = new EpochDiagnostics(60, 2, [1, 1, 1, 1], [0.1, 0.1, 0.1, 0.5]);
        var (parameter, report) =
            DivergenceReport.Build(new TrainingConfig { LearningRate = 2 }, 64,
            new DivergenceVerdict(60, "the loss rose"), true, epoch, [0.01, 0.01, 0.05, 0.01], 0.2);
        string message = report.Format(Flags);
        Assert.Equal("b2", parameter);
        Assert.Contains("try --lr 0.5, or a decaying --lr-schedule exponential", message);
    }

    [Theory]
    [InlineData(0.37, 0.2)]
    [InlineData(7.0, 5.0)]
    [InlineData(1.0, 1.0)]
    [InlineData(0.0003, 0.0002)]
    public void NiceFloor_RoundsDownToOneTwoFive(double x, double expected) =>
        Assert.Equal(expected, DivergenceReport.NiceFloor(x), 1e-15);
}
