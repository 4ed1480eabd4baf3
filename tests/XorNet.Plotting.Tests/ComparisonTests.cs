using SkiaSharp;
using XorNet.Plotting;

namespace XorNet.Plotting.Tests;

public sealed class ComparisonTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("xornet-cmp-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static ComparedRun Run(int hidden, int epochs)
    {
        var config = new TrainingConfig { Epochs = epochs, Hidden = hidden, Samples = 60 };
        return new ComparedRun(new Trainer(config, Dataset.GaussianXor(60, 1)).Run(), $"hidden={hidden}", "test");
    }

    [Fact]
    public void Save_DrawsOneRowPerRun()
    {
        string path = Path.Combine(_dir, "comparison.png");
        Comparison.Save(path, [Run(3, 5), Run(8, 9), Run(2, 3)], "heading");
        using var bitmap = SKBitmap.Decode(path);
        Assert.Equal(3 * Comparison.PanelWidth, bitmap.Width);
        Assert.InRange(bitmap.Height, 3 * Comparison.RowHeight + 1, 3 * Comparison.RowHeight + 100);
    }

    [Fact]
    public void Save_RefusesAnEmptyComparison() =>
        Assert.Throws<ArgumentException>(() => Comparison.Save(Path.Combine(_dir, "x.png"), [], "heading"));
}
