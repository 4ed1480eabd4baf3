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
        var snapshots =
            new ParameterSnapshots(trainer.Network, ParameterSnapshots.EvenlySpacedEpochs(config.Epochs, 5));
        TrainingResult result = trainer.Run(snapshots.Observe);
        double[] trained = [.. result.Network.P.Named().SelectMany(p => p.Value.Data)];

        var apng = ApngDecoder.Decode(Animation.Render(result, snapshots.Taken, "test"));

        Assert.Equal([.. result.Network.P.Named().SelectMany(p => p.Value.Data)], trained);
        Assert.Equal(5, apng.DeclaredFrames);
        Assert.Equal(5, apng.Frames.Count);
        Assert.Equal((3 * Animation.PanelWidth, Animation.PanelHeight), (apng.CanvasWidth, apng.CanvasHeight));
        Assert.Equal(Animation.LastFrameDelayMs,
            1000 * apng.Frames[^1].DelayNumerator / apng.Frames[^1].DelayDenominator);
        Assert.Equal([0, 3, 6, 9, 12], CommentEpochs(apng.Comment!, result));
        var shown = apng.Composite();
        Assert.False(shown[0].SequenceEqual(shown[^1]), "the first and last frames look the same");
    }

    [Fact]
    public void LossFallingOverDecades_StaysInViewOnTheLogAxis_InEveryFrame()
    {
        var all = DataGenerators.Generate("moons", 200, 0, 1);
        var config =
            new TrainingConfig
            {
                Hidden = 3,
                Epochs = 60,
                Activation = ActivationKind.Relu,
                Loss =
            LossKind.CrossEntropy
            };
        var trainer = new Trainer(config, all);
        var snapshots =
            new ParameterSnapshots(trainer.Network, ParameterSnapshots.EvenlySpacedEpochs(config.Epochs, 3));
        TrainingResult result = trainer.Run(snapshots.Observe);
        Assert.True(LossPlot.NeedsLogScale(result), "this run's loss should span more than two decades");

        var shown = ApngDecoder.Decode(Animation.Render(result, snapshots.Taken, "log")).Composite();
        int width = 3 * Animation.PanelWidth;
        int LossPixels(uint[] frame) => Enumerable.Range(0, frame.Length)
            .Count(i => i % width >= 2 * Animation.PanelWidth && IsCrimson(frame[i]));
        Assert.True(LossPixels(shown[^1]) > 200,
            $"the last frame's loss curve is missing ({LossPixels(shown[^1])} crimson pixels)");
        Assert.True(LossPixels(shown[^1]) > LossPixels(shown[0]), "the curve should grow from frame to frame");
    }

    /// <summary>Colors.Crimson (220, 20, 60), allowing for anti-aliasing; the decoder's uint is R | G &lt;&lt; 8 | B
    /// &lt;&lt; 16 | A &lt;&lt; 24.</summary>
    private static bool IsCrimson(uint p) => (p & 0xFF) > 180 && (p >> 8 & 0xFF) < 60 && (p >> 16 & 0xFF) < 90;

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
