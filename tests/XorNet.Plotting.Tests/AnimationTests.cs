using System.Globalization;
using XorNet.Plotting;

namespace XorNet.Plotting.Tests;

public sealed class AnimationTests
{
    [Fact]
    public void Render_HasOneFramePerSnapshot_MatchingTheHistory_AndLeavesTheNetworkTrained()
    {
        var config = new TrainingConfig { Epochs = 12, Hidden = 5, Samples = 80 };
        var trainer = new Trainer(config, Dataset.GaussianXor(config.Samples, config.Seed));
        var snapshots = new ParameterSnapshots(trainer.Network, ParameterSnapshots.EvenlySpacedEpochs(config.Epochs, 5));
        TrainingResult result = trainer.Run(snapshots.Observe);
        double[] trained = [.. result.Network.P.Named().SelectMany(p => p.Value.Data)];

        var apng = ApngDecoder.Decode(Animation.Render(result, snapshots.Taken, "test"));

        Assert.Equal([.. result.Network.P.Named().SelectMany(p => p.Value.Data)], trained);
        Assert.Equal(5, apng.DeclaredFrames);
        Assert.Equal(5, apng.Frames.Count);
        Assert.Equal((3 * Animation.PanelWidth, Animation.PanelHeight), (apng.CanvasWidth, apng.CanvasHeight));
        Assert.Equal(Animation.LastFrameDelayMs, 1000 * apng.Frames[^1].DelayNumerator / apng.Frames[^1].DelayDenominator);
        Assert.Equal([0, 3, 6, 9, 12], CommentEpochs(apng.Comment!, result));
        var shown = apng.Composite();
        Assert.False(shown[0].SequenceEqual(shown[^1]), "the first and last frames look the same");
    }

    /// <summary>The epochs the comment lists, each checked against the run's history for that epoch.</summary>
    private static int[] CommentEpochs(string comment, TrainingResult result) =>
    [
        .. comment.Split('\n').Skip(1).Select(line =>
        {
            string[] w = line.Split(' ');   // "frame i: epoch E loss L train_accuracy A"
            int epoch = int.Parse(w[3], CultureInfo.InvariantCulture);
            Assert.Equal(result.History[epoch].Loss, double.Parse(w[5], CultureInfo.InvariantCulture));
            Assert.Equal(result.History[epoch].TrainAccuracy, double.Parse(w[7], CultureInfo.InvariantCulture));
            return epoch;
        }),
    ];
}
