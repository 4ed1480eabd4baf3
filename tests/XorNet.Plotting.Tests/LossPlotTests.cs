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
        var result = Train(new TrainingConfig { Hidden = 50, Samples = 300, Activation = ActivationKind.Relu, Loss = LossKind.CrossEntropy, LearningRate = 1000 });
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
    public void NormalRun_KeepsTheLinearAxis() =>
        Assert.False(LossPlot.NeedsLogScale(Train(new TrainingConfig { Hidden = 8, Epochs = 20, Samples = 120 })));
}
