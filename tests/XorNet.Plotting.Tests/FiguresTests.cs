using SkiaSharp;
using XorNet.Plotting;

namespace XorNet.Plotting.Tests;

public sealed class FiguresTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("xornet-fig-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static TrainingResult Train() =>
        new Trainer(new TrainingConfig { Epochs = 30, Hidden = 8, Samples = 120 }, Dataset.GaussianXor(120, 1)).Run();

    [Fact]
    public void WriteAll_WritesFourDecodablePngsOfTheDocumentedSizes()
    {
        Figures.WriteAll(Train(), _dir, "test run");
        foreach (var (name, width) in new[] { ("accuracy.png", Figures.PanelWidth), ("loss.png", Figures.PanelWidth),
                                              ("boundary.png", Figures.PanelWidth),
                                                  ("summary.png", 3 * Figures.PanelWidth) })
        {
            using var bitmap = SKBitmap.Decode(Path.Combine(_dir, name));
            Assert.NotNull(bitmap);
            Assert.Equal((width, Figures.PanelHeight), (bitmap.Width, bitmap.Height));
            Assert.True(DistinctColors(bitmap) > 20, $"{name} looks blank");
        }
        Assert.Empty(Directory.GetFiles(_dir, "*.tmp"));
    }

    [Fact]
    public void Boundary_ShowsBothClassColours()
    {
        var result = Train();
        var plot = Figures.Boundary(result, DecisionGrid.Evaluate(result.Network, result.Data.X), "test");
        string path = Path.Combine(_dir, "b.png");
        plot.SavePng(path, 600, 500);
        using var bitmap = SKBitmap.Decode(path);
        Assert.True(CountNear(bitmap, new SKColor(0x1f, 0x5f, 0xa8)) > 50, "class 0 points missing");
        Assert.True(CountNear(bitmap, new SKColor(0xe8, 0x71, 0x0a)) > 50, "class 1 points missing");
    }

    [Theory]
    [InlineData(LossKind.Mse, "shading: h2₁ / (h2₀ + h2₁)")]
    [InlineData(LossKind.CrossEntropy, "shading: p(class 1) = softmax(z2)₁")]
    public void Boundary_LegendSaysWhatTheShadingIs(LossKind loss, string label)
    {
        var config = new TrainingConfig { Epochs = 2, Samples = 40, Loss = loss };
        var result = new Trainer(config, Dataset.GaussianXor(config.Samples, config.Seed)).Run();
        var plot = Figures.Boundary(result, DecisionGrid.Evaluate(result.Network, result.Data.X), "test");
        Assert.Single(plot.Axes.GetPanels().OfType<ScottPlot.Panels.ColorBar>());
        Assert.Contains(label, plot.Legend.ManualItems.Select(i => i.LabelText));
    }

    /// <summary>
    /// ScottPlot's own Eks marker frees its path through the finalizer, which crashed long animations natively (see
    /// CrossMarker); every cross a boundary draws, on the points and in the legend, goes through CrossMarker.
    /// </summary>
    [Fact]
    public void Boundary_MisclassifiedCrosses_AreDrawnByCrossMarker()
    {
        var config = new TrainingConfig { Epochs = 2, Samples = 80, Hidden = 1 };
        var result = new Trainer(config, Dataset.GaussianXor(config.Samples, config.Seed)).Run();
        var plot = Figures.Boundary(result, DecisionGrid.Evaluate(result.Network, result.Data.X), "test");
        var crosses = plot.GetPlottables().OfType<ScottPlot.Plottables.Markers>()
            .Where(m => m.MarkerStyle.Shape == ScottPlot.MarkerShape.Eks).ToList();
        Assert.NotEmpty(crosses); // two epochs of one neuron misclassify points
        Assert.All(crosses, m => Assert.Same(CrossMarker.Instance, m.MarkerStyle.CustomRenderer));
        var legend = plot.Legend.ManualItems.Where(i => i.MarkerStyle.Shape == ScottPlot.MarkerShape.Eks).ToList();
        Assert.NotEmpty(legend);
        Assert.All(legend, i => Assert.Same(CrossMarker.Instance, i.MarkerStyle.CustomRenderer));
    }

    [Fact]
    public void CrossMarker_DrawsBothDiagonals()
    {
        using var bitmap = new SKBitmap(21, 21);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            var style = new ScottPlot.MarkerStyle(ScottPlot.MarkerShape.Eks, 20, ScottPlot.Colors.Black);
            using var paint = ScottPlot.Paint.NewDisposablePaint();
            CrossMarker.Instance.Render(canvas, paint, new ScottPlot.Pixel(10, 10), 16, style);
        }
        foreach (var (x, y) in new[] { (4, 4), (16, 16), (4, 16), (16, 4), (10, 10) })
            Assert.True(bitmap.GetPixel(x, y).Red < 128, $"no ink at ({x}, {y})");
        Assert.True(bitmap.GetPixel(10, 3).Red > 200, "ink off the diagonals");
    }

    private static int DistinctColors(SKBitmap bitmap) => bitmap.Pixels.Distinct().Take(100).Count();

    private static int CountNear(SKBitmap bitmap, SKColor target) => bitmap.Pixels.Count(p =>
        Math.Abs(p.Red - target.Red) + Math.Abs(p.Green - target.Green) + Math.Abs(p.Blue - target.Blue) < 12);
}

public sealed class FiguresDataTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("xornet-fig-data-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private SKBitmap Render(ScottPlot.Plot plot)
    {
        string path = Path.Combine(_dir, $"{Guid.NewGuid():N}.png");
        plot.SavePng(path, 600, 500);
        return SKBitmap.Decode(path);
    }

    private static int CountNear(SKBitmap bitmap, SKColor target) => bitmap.Pixels.Count(p =>
        Math.Abs(p.Red - target.Red) + Math.Abs(p.Green - target.Green) + Math.Abs(p.Blue - target.Blue) < 12);

    private static Dataset ThreeBlobs()
    {
        var x = new XorNet.Tensors.Matrix(90, 2);
        new XorNet.Tensors.Rng(5).FillNormal(x);
        var labels = Enumerable.Range(0, 90).Select(i => i % 3).ToArray();
        for (int i =
            0; i < 90; i++) { x[i, 0] += 4 * (labels[i] == 1 ? 1 : 0); x[i, 1] += 4 * (labels[i] == 2 ? 1 : 0); }
        return new Dataset(x, labels, 3);
    }

    [Fact]
    public void ThreeClasses_BoundaryDrawsAThirdColour_ForPointsAndItsRegion()
    {
        var result = new Trainer(new TrainingConfig { Epochs = 60, Hidden = 6 }, ThreeBlobs()).Run();
        using var bitmap = Render(Figures.Boundary(result, DecisionGrid.Evaluate(result.Network, result.Data.X), "k3"));
        Assert.True(CountNear(bitmap, new SKColor(0x2c, 0xa0, 0x2c)) > 50, "class 2 points missing");
        // the tinted region
        int paleGreen = bitmap.Pixels.Count(p => p.Red > 150 && p.Green > p.Red + 10 && p.Green > p.Blue + 10);
        Assert.True(paleGreen > 5000, $"class 2 region missing ({paleGreen} pale green pixels)");
    }

    [Fact]
    public void WithATestSet_TheCurvesGetASecondLine()
    {
        var (train, test) = StratifiedSplit.Split(DataGenerators.Moons(120, 0.2, 1), 0.3, 1);
        var config = new TrainingConfig { Epochs = 20, Hidden = 6 };
        var with = new Trainer(config, train, test).Run();
        var without = new Trainer(config, train).Run();
        var green = new SKColor(46, 139, 87); // SeaGreen, the accuracy curve
        using var a = Render(Figures.Accuracy(with, "t"));
        using var b = Render(Figures.Accuracy(without, "t"));
        Assert.True(CountNear(a, green) > 1.3 * CountNear(b, green), $"{CountNear(a, green)} vs {CountNear(b, green)}");
    }

    [Fact]
    public void DataPlot_ShowsEachClass()
    {
        using var bitmap = Render(Figures.DataPlot(DataGenerators.Circle(200, 0, 1), "circle"));
        Assert.True(CountNear(bitmap, new SKColor(0x1f, 0x5f, 0xa8)) > 50);
        Assert.True(CountNear(bitmap, new SKColor(0xe8, 0x71, 0x0a)) > 50);
    }
}
