using SkiaSharp;
using XorNet.Plotting;

namespace XorNet.Plotting.Tests;

public sealed class LossPlotTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("xornet-lossplot-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static TrainingResult Train(TrainingConfig config) =>
        new Trainer(config, Dataset.GaussianXor(config.Samples, config.Seed)).Run();

    [Fact]
    public void BlowUpOverManyDecades_IsDrawnOnALogAxis_UpToTheDivergedEpoch()
    {
        // ReLU + cross-entropy at lr 1000: the loss goes from 0.66 to ~1e62 in one epoch.
        var result =
            Train(new TrainingConfig
            {
                Hidden = 50,
                Samples = 300,
                Activation = ActivationKind.Relu,
                Loss =
            LossKind.CrossEntropy,
                LearningRate = 1000
            });
        Assert.Equal(StopReason.Diverged, result.Stop.Reason);
        Assert.True(LossPlot.NeedsLogScale(result));
        Assert.True(LossPlot.LastEpoch(result) < 10, "the x-axis should end near the diverged epoch, not at epoch 100");

        Figures.WriteAll(result, _dir, "blow-up");
        using var bitmap = SKBitmap.Decode(Path.Combine(_dir, "loss.png"));
        Assert.NotNull(bitmap);
        int crimson = bitmap.Pixels.Count(p => p.Red > 180 && p.Green < 60 && p.Blue < 90);
        Assert.True(crimson > 200, $"the loss line should be visible, found {crimson} crimson pixels");
    }

    [Fact]
    public void LogAxis_WithATestSplit_DrawsTheTestLossToo()
    {
        // ReLU + cross-entropy learns moons almost perfectly: the loss falls over more than two decades.
        var all = DataGenerators.Generate("moons", 200, 0, 1);
        var (train, test) = StratifiedSplit.Split(all, 0.25, 1);
        var config =
            new TrainingConfig
            {
                Hidden = 3,
                Epochs = 100,
                Activation = ActivationKind.Relu,
                Loss =
            LossKind.CrossEntropy
            };
        var result = new Trainer(config, train, test).Run();
        Assert.True(LossPlot.NeedsLogScale(result));
        var plot = Figures.Loss(result, "test split");
        var lines = plot.GetPlottables<ScottPlot.Plottables.Scatter>().ToList();
        Assert.Equal(["train", "test (50 held-out points)"], lines.Select(l => l.LegendText));
        Assert.Equal(Math.Log10(result.Final.TestLoss!.Value), lines[1].Data.GetScatterPoints()[^1].Y, 1e-12);
    }

    [Fact]
    public void NormalRun_KeepsTheLinearAxis() =>
        Assert.False(LossPlot.NeedsLogScale(Train(new TrainingConfig { Hidden = 8, Epochs = 20, Samples = 120 })));
}
