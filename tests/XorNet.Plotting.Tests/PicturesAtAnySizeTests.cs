using ScottPlot;
using SkiaSharp;
using XorNet.Plotting;

namespace XorNet.Plotting.Tests;

/// <summary>Many classes, many points, non-finite outputs: the pictures still draw, and say what they show.</summary>
public sealed class PicturesAtAnySizeTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("xornet-size-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>K classes in vertical bands, as a CSV of banded labels gives them.</summary>
    private static Dataset Bands(int classes, int perClass)
    {
        int n = classes * perClass;
        var x = new XorNet.Tensors.Matrix(n, 2);
        new XorNet.Tensors.Rng(3).FillUniform(x, 0, 1);
        int[] labels = [.. Enumerable.Range(0, n).Select(i => i % classes)];
        for (int i = 0; i < n; i++) x[i, 0] += labels[i];
        return new Dataset(x, labels, classes);
    }

    private SKBitmap Render(Plot plot)
    {
        string path = Path.Combine(_dir, $"{Guid.NewGuid():N}.png");
        plot.SavePng(path, 700, 560);
        return SKBitmap.Decode(path);
    }

    [Theory]
    [InlineData(7)]
    [InlineData(9)]
    [InlineData(10)]
    [InlineData(30)]
    [InlineData(100)]
    public void AnyNumberOfClasses_Plots_WithOneColourBarAndACompactLegendBelowTheData(int classes)
    {
        var result = new Trainer(new TrainingConfig { Epochs = 2, Hidden = 6 }, Bands(classes, 4)).Run();
        Figures.WriteAll(result, _dir, $"K={classes}");
        var plot = Figures.Boundary(result, Figures.PlotGrid(result), "k");
        Assert.Single(plot.Axes.GetPanels().OfType<ScottPlot.Panels.ColorBar>());
        Assert.Single(plot.GetPlottables<ScottPlot.Plottables.Heatmap>()); // one heatmap for any K
        Assert.True(plot.Legend.ManualItems.Count <= 4,
            $"{plot.Legend.ManualItems.Count} legend entries for {classes} classes");
        AssertLegendOutsideTheData(plot);
    }

    [Fact]
    public void TheLegends_OfEveryPanel_SitOutsideTheDataRectangle()
    {
        var (train, test) = StratifiedSplit.Split(Dataset.GaussianXor(200, 1), 0.3, 1);
        var result = new Trainer(new TrainingConfig { Epochs = 10, Hidden = 4 }, train, test).Run();
        foreach (Plot plot in new[] { Figures.Accuracy(result, "a"), Figures.Loss(result, "l"),
            Figures.Boundary(result, Figures.PlotGrid(result), "b") })
            AssertLegendOutsideTheData(plot);
    }

    /// <summary>The legend is a panel below the data (its own strip of the figure), never the in-plot box.</summary>
    private void AssertLegendOutsideTheData(Plot plot)
    {
        Assert.False(plot.Legend.IsVisible, "the in-plot legend box is shown");
        var panel = Assert.Single(plot.Axes.GetPanels().OfType<ScottPlot.Panels.LegendPanel>());
        using var _ = Render(plot);
        PixelRect data = plot.RenderManager.LastRender.DataRect;
        Assert.True(data.Bottom < 560 - 30,
            $"the data reaches y={data.Bottom} of 560: no strip below it for the legend");
    }

    [Fact]
    public void ManyPoints_AreSampled_AndTheLegendSaysSo_WithTheMistakesCountedOverAll()
    {
        var data = Dataset.GaussianXor(40_000, 1);
        var result =
            new Trainer(new TrainingConfig { Epochs = 1, Hidden = 3, Samples = 40_000, BatchSize = 1000 }, data).Run();
        var plot = Figures.Boundary(result, Figures.PlotGrid(result, step: 0.05), "big");
        int drawn = plot.GetPlottables<ScottPlot.Plottables.Markers>().Sum(m => m.Data.GetScatterPoints().Count);
        Assert.InRange(drawn, PointSample.MaxShown - 2, PointSample.MaxShown + 2); // no crosses over a sample
        var texts = plot.Legend.ManualItems.Select(i => i.LabelText).ToList();
        Assert.Contains("5,000 of 40,000 points shown", texts);
        int wrong = 40_000 - (int)Math.Round(result.Final.TrainAccuracy * 40_000);
        Assert.Contains(texts, t => t.StartsWith($"misclassified {wrong:N0} of 40,000", StringComparison.Ordinal));
    }

    [Fact]
    public void NonFiniteOutputs_GetTheNoValueGrey_AndTheTitleSaysSo()
    {
        foreach (int classes in new[] { 2, 3 })
        {
            var data = Bands(classes, 30);
            var result = new Trainer(new TrainingConfig { Epochs = 1, Hidden = 4 }, data).Run();
            result.Network.P.W(2)[0, 0] = double.NaN; // a diverged run's weights
            var plot = Figures.Boundary(result, Figures.PlotGrid(result), "nan");
            Assert.Contains("grey: no value in", plot.Axes.Title.Label.Text);
            using var bitmap = Render(plot);
            var grey = new SKColor(ClassPalette.NoValue.R, ClassPalette.NoValue.G, ClassPalette.NoValue.B);
            Assert.True(bitmap.Pixels.Count(p => p == grey) > 10_000, $"K={classes}: the no-value grey is missing");
        }
    }

    [Fact]
    public void TheBoundaryView_FitsTheTestPointsToo()
    {
        var (train, test) = StratifiedSplit.Split(Dataset.GaussianXor(400, 1), 0.99, 1);
        var result = new Trainer(new TrainingConfig { Epochs = 1, Hidden = 3 }, train, test).Run();
        var grid = Figures.PlotGrid(result);
        for (int i = 0; i < test.Count; i++)
        {
            Assert.InRange(test.X[i, 0], grid.XMin, grid.XMax);
            Assert.InRange(test.X[i, 1], grid.YMin, grid.YMax);
        }
    }
}

public sealed class NonFiniteRunTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("xornet-nan-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void ADivergedNetwork_DrawsEveryPicture_AndTheAnimation()
    {
        var config = new TrainingConfig { Epochs = 4, Hidden = 5, Samples = 80 };
        var trainer = new Trainer(config, Dataset.GaussianXor(config.Samples, config.Seed));
        var snapshots =
            new ParameterSnapshots(trainer.Network, ParameterSnapshots.EvenlySpacedEpochs(config.Epochs, 3));
        TrainingResult result = trainer.Run(snapshots.Observe);
        // as --no-divergence-check leaves them
        foreach (var (_, p) in snapshots.Taken) p.W(1)[0, 0] = double.PositiveInfinity;
        result.Network.P.W(1)[0, 0] = double.NaN;
        result.Network.P.W(2)[1, 1] = double.NegativeInfinity;

        Figures.WriteAll(result, _dir, "nan");
        NetworkDiagram.Save(Path.Combine(_dir, "network.png"), result.Network, "nan");
        NeuronMaps.Save(Path.Combine(_dir, "neurons.png"), result, "nan");
        var frames = Animation.RenderFrames(result, snapshots.Taken, "nan");
        Assert.Equal(3, frames.Pngs.Count);
        Assert.NotEmpty(frames.ToGif());
        foreach (string name in new[] { "summary.png", "network.png", "neurons.png" })
            Assert.NotNull(SKBitmap.Decode(Path.Combine(_dir, name)));
    }
}
