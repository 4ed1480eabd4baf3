using XorNet.Plotting;

namespace XorNet.Plotting.Tests;

public sealed class CurveMarksTests
{
    [Fact]
    public void EarlyStop_AndTheGates_AreMarkedAndNamed()
    {
        var config = new TrainingConfig { Hidden = 3, EarlyStop = 3 }; // stops early (TrainerLeverTests)
        var result = new Trainer(config, Dataset.GaussianXor(config.Samples, config.Seed)).Run();
        Assert.Equal(StopReason.EarlyStopped, result.Stop.Reason);
        var gates = new QualityGates(MinAccuracy: 0.9, MaxLoss: 0.2);
        var accuracy = Figures.Accuracy(result, "t", gates);
        var kept = Assert.Single(accuracy.GetPlottables<ScottPlot.Plottables.VerticalLine>());
        Assert.Equal(result.Stop.RestoredEpoch!.Value, kept.X);
        Assert.Equal($"early stop: weights of epoch {result.Stop.RestoredEpoch} kept", kept.LegendText);
        var gate = Assert.Single(accuracy.GetPlottables<ScottPlot.Plottables.HorizontalLine>());
        Assert.Equal((0.9, "--min-accuracy 0.9"), (gate.Y, gate.LegendText));
        var loss = Assert.Single(Figures.Loss(result, "t", logScale: true, gates)
            .GetPlottables<ScottPlot.Plottables.HorizontalLine>());
        Assert.Equal(Math.Log10(0.2), loss.Y, 12); // on the log axis, at log10 of the threshold
    }

    [Theory]
    [InlineData(0.16623, "0.1662")]
    [InlineData(0.016432, "0.01643")]
    [InlineData(1.2345e-5, "1.235e-5")]
    [InlineData(1.471e162, "1.471e+162")]
    [InlineData(0.0, "0")]
    [InlineData(double.NaN, "NaN")]
    public void Loss_HasFourSignificantDigits(double loss, string text) => Assert.Equal(text, MetricText.Loss(loss));

    [Fact]
    public void LogTicks_LabelTwoAndFiveTimesEachDecade_SoAFinalLossOf0016Reads()
    {
        var ticks = AxisStyle.LogTicks(Math.Log10(0.012), Math.Log10(3));
        Assert.Equal(["0.02", "0.05", "0.1", "0.2", "0.5", "1", "2"], ticks.Where(t => t.IsMajor).Select(t => t.Label));
        Assert.Contains(ticks, t => !t.IsMajor && Math.Abs(t.Position - Math.Log10(0.03)) < 1e-12);
        // under two decades: every multiple labelled
        var narrow = AxisStyle.LogTicks(Math.Log10(0.012), Math.Log10(0.3));
        Assert.Contains("0.03", narrow.Select(t => t.Label));
    }

    [Fact]
    public void EpochAxis_HasWholeNumbersOnly_WithoutSeparators()
    {
        var result =
            new Trainer(new TrainingConfig { Epochs = 3, Hidden = 2, Samples = 40 }, Dataset.GaussianXor(40, 1)).Run();
        var plot = Figures.Accuracy(result, "t");
        plot.GetImageBytes(700, 560, ScottPlot.ImageFormat.Png);
        var labels = plot.Axes.Bottom.TickGenerator.Ticks.Where(t => t.IsMajor).Select(t => t.Label).ToList();
        Assert.NotEmpty(labels);
        Assert.All(labels, l => Assert.Matches("^[0-9]+$", l));
        var thousand =
            new Trainer(new TrainingConfig { Epochs = 1000, Hidden = 2, Samples = 20, BatchSize = 20 },
            Dataset.GaussianXor(20, 1)).Run();
        var wide = Figures.Loss(thousand, "t", logScale: false);
        wide.GetImageBytes(700, 560, ScottPlot.ImageFormat.Png);
        Assert.Contains("1000", wide.Axes.Bottom.TickGenerator.Ticks.Select(t => t.Label));
    }
}
