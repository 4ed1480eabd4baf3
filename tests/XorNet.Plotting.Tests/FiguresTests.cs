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
                                              ("boundary.png", Figures.PanelWidth), ("summary.png", 3 * Figures.PanelWidth) })
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

    private static int DistinctColors(SKBitmap bitmap) => bitmap.Pixels.Distinct().Take(100).Count();

    private static int CountNear(SKBitmap bitmap, SKColor target) => bitmap.Pixels.Count(p =>
        Math.Abs(p.Red - target.Red) + Math.Abs(p.Green - target.Green) + Math.Abs(p.Blue - target.Blue) < 12);
}
