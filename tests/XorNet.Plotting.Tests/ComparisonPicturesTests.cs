using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using XorNet.Plotting;

namespace XorNet.Plotting.Tests;

public sealed class ComparisonPicturesTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("xornet-cmp2-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static ComparedRun Run(LossKind loss, int epochs, int frames)
    {
        var config = new TrainingConfig { Epochs = epochs, Hidden = 4, Samples = 60, Loss = loss };
        var trainer = new Trainer(config, Dataset.GaussianXor(60, 1));
        var snapshots = new ParameterSnapshots(trainer.Network, ParameterSnapshots.EvenlySpacedEpochs(epochs, frames));
        var result = trainer.Run(snapshots.Observe);
        return new ComparedRun(result, $"{LeverNames.Of(loss)} e={epochs}", "test") { Snapshots = snapshots.Taken };
    }

    [Fact]
    public void Curves_GiveEachLossFunctionItsOwnPanel()
    {
        string path = Path.Combine(_dir, "curves.png");
        ComparisonCurves.Save(path, [Run(LossKind.Mse, 6, 2), Run(LossKind.Mse, 4, 2)], "one loss");
        // accuracy | mse
        using (var one = Image.Load<Rgba32>(path)) Assert.Equal(2 * ComparisonCurves.PanelWidth, one.Width);
        ComparisonCurves.Save(path, [Run(LossKind.Mse, 6, 2), Run(LossKind.CrossEntropy, 6, 2)], "two losses");
        using var two = Image.Load<Rgba32>(path);
        Assert.Equal(3 * ComparisonCurves.PanelWidth, two.Width); // accuracy | mse | cross-entropy
    }

    [Fact]
    public void ComparisonGif_HasAFramePerEpochOfAnyRun_EachRunAtItsLatestSnapshot()
    {
        var (a, b) = (Run(LossKind.Mse, 8, 3), Run(LossKind.Mse, 4, 3)); // snapshots at 0, 4, 8 and 0, 2, 4
        Assert.Equal([0, 2, 4, 8], ComparisonAnimation.Epochs([a, b]));
        Assert.Equal(0, ComparisonAnimation.SnapshotAt(a, 2)); // a stays at epoch 0 until its epoch-4 snapshot
        Assert.Equal(1, ComparisonAnimation.SnapshotAt(a, 4));
        Assert.Equal(2, ComparisonAnimation.SnapshotAt(b, 8)); // b, finished at 4, stays there
        using var gif = Image.Load<Rgba32>(ComparisonAnimation.Render([a, b]));
        Assert.Equal(4, gif.Frames.Count);
        Assert.Equal((2 * ComparisonAnimation.PanelWidth, ComparisonAnimation.PanelHeight), (gif.Width, gif.Height));
    }
}
