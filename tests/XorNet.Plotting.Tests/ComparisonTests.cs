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
    public void ALossSpanningDecades_PutsEveryRowOnOneLogAxis_WithEveryCurveInView()
    {
        var moons = DataGenerators.Generate("moons", 200, 0, 1);
        ComparedRun Moons(LossKind loss) => new(
            new Trainer(new TrainingConfig { Hidden = 3, Epochs = 60, Activation = ActivationKind.Relu, Loss = loss },
            moons).Run(),
                                                LeverNames.Of(loss), "test");
        var (mse, crossEntropy) = (Moons(LossKind.Mse), Moons(LossKind.CrossEntropy));
        Assert.True(LossPlot.NeedsLogScale(crossEntropy.Result) && !LossPlot.NeedsLogScale(mse.Result));
        string path = Path.Combine(_dir, "log.png");
        Comparison.Save(path, [mse, crossEntropy], "heading");
        using var bitmap = SKBitmap.Decode(path);
        int top = bitmap.Height - 2 * Comparison.RowHeight; // below the heading
        foreach (int row in new[] { 0, 1 })
        {
            int crimson = 0;
            for (int y = top + row * Comparison.RowHeight; y < top + (row + 1) * Comparison.RowHeight; y++)
                for (int x = 2 * Comparison.PanelWidth; x < bitmap.Width; x++)
                {
                    var p = bitmap.GetPixel(x, y);
                    if (p.Red > 180 && p.Green < 60 && p.Blue < 90) crimson++;
                }
            Assert.True(crimson > 300, $"row {row}: the loss curve is out of view ({crimson} crimson pixels)");
        }
    }

    [Fact]
    public void Save_RefusesAnEmptyComparison() =>
        Assert.Throws<ArgumentException>(() => Comparison.Save(Path.Combine(_dir, "x.png"), [], "heading"));
}
