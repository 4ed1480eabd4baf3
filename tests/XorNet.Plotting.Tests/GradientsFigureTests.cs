using SkiaSharp;
using XorNet.Plotting;

namespace XorNet.Plotting.Tests;

/// <summary>gradients.png at any depth and through a blow-up; none for a run that recorded no gradients.</summary>
public sealed class GradientsFigureTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("xornet-gradients-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private SKBitmap? Save(TrainingResult result)
    {
        string path = Path.Combine(_dir, $"{Guid.NewGuid():N}.png");
        GradientsFigure.Save(path, result, "test");
        return File.Exists(path) ? SKBitmap.Decode(path) : null;
    }

    private static TrainingResult Train(TrainingConfig config) =>
        new Trainer(config, Dataset.GaussianXor(config.Samples, config.Seed)).Run();

    [Theory]
    [InlineData("3")]
    [InlineData("0")]
    [InlineData("8x8x8x8x8x8x8x8x8x8x8x8x8x8x8x8")]
    public void AnyDepth_DrawsThreePanelsSideBySide(string hidden)
    {
        var result = Train(new TrainingConfig { Hidden = HiddenLayers.Parse(hidden)!, Epochs = 5, Samples = 60 });
        using SKBitmap image = Save(result)!;
        Assert.Equal(3 * Figures.PanelWidth, image.Width);
        Assert.Equal(Figures.PanelHeight, image.Height);
    }

    [Fact]
    public void ARunThatBlewUp_StillDraws()
    {
        var result = Train(new TrainingConfig { LearningRate = 1e6, Epochs = 20, StopOnDivergence = false });
        Assert.True(double.IsNaN(result.Final.Loss), "the run should have blown up to NaN");
        Assert.NotNull(Save(result));
    }

    [Fact]
    public void AHistoryWithoutGradients_DrawsNothing()
    {
        var result = Train(new TrainingConfig { Epochs = 3, Samples = 40 });
        var bare = result with { History = TrainingHistory.Of(result.History, tensors: 4) };
        Assert.Null(Save(bare));
    }

    [Theory]
    [InlineData(-2, 1)]
    [InlineData(-320, 300)]
    public void DecadeTicks_LabelAtMostAboutEightPowersOfTen(double min, double max)
    {
        var ticks = GradientsFigure.DecadeTicks(new ScottPlot.Range(min, max));
        int labelled = ticks.Count(t => t.IsMajor);
        Assert.InRange(labelled, 2, GradientsFigure.LabelledDecades + 1);
        Assert.All(ticks.Where(t => t.IsMajor), t => Assert.Equal(Math.Round(t.Position), t.Position));
    }
}
