using XorNet.Cli.Live;

namespace XorNet.Cli.Tests.Live;

public sealed class LiveRunTests
{
    [Fact]
    public void Surface_IsTheLibrarysPlaneEvaluation_AtTheViewsResolution()
    {
        var data = DataGenerators.Generate("xor", 60, 0, 3);
        var trainer = new Trainer(new TrainingConfig { Hidden = 5, Epochs = 3, Samples = 60 }, data);
        trainer.TrainEpoch();
        var plane = DecisionGrid.Bounds(data.X);
        Surface surface = LiveRun.Evaluate(trainer.Network, plane, 37, 22);
        double[,] expected = DecisionGrid.Evaluate(trainer.Network, plane, 37, 22).ClassOneShare;
        Assert.Equal((22, 37), (surface.Rows, surface.Columns));
        Assert.Equal(expected, surface.Values);
    }

    [Fact]
    public void Snapshot_OfARunOnFeatures_DrawsTheX1X2Plane_ThroughTheFeatures()
    {
        var points = DataGenerators.Generate("xor", 60, 0, 3);
        FeatureMap features = FeatureMap.Parse("x1,x2,x1x2")!;
        var trainer = new Trainer(new TrainingConfig { Hidden = 0, Epochs = 3, Samples = 60 }, features.Apply(points));
        var run = new LiveRun("run", 3, () => { }, () => { });
        run.Started(trainer, features.Apply(points), new FeaturePlane(points, features, n => n));
        TrainingResult result = trainer.Run(run.Epoch);
        run.Finished(result);
        TileState tile = run.Snapshot(31, 17, TimeSpan.Zero);
        var plane = DecisionGrid.Bounds(points.X);
        double[,] expected = DecisionGrid.Evaluate(trainer.Network, plane, 31, 17, features).ClassOneShare;
        Assert.Equal(plane, tile.Points.Plane);
        Assert.Equal(points.X[7, 1], tile.Points.X2[7]);
        Assert.Equal(expected, tile.Surface!.Values);
        // the plain evaluation would read x1x2 as 0: a different surface
        Assert.NotEqual(expected, LiveRun.Evaluate(trainer.Network, plane, 31, 17).Values);
    }

    [Fact]
    public void Snapshot_FollowsTheEpochs_AndSaysHowTheRunEnded()
    {
        int arrived = 0, left = 0;
        var run = new LiveRun("run", 2, () => arrived++, () => left++);
        var data = DataGenerators.Generate("xor", 40, 0, 5);
        var trainer = new Trainer(new TrainingConfig { Hidden = 3, Epochs = 2, Samples = 40 }, data);
        run.Started(trainer, data);
        TrainingResult result = trainer.Run(run.Epoch);
        run.Finished(result);
        run.Leave(); // a second leave (the session's safety net) does not count twice
        TileState tile = run.Snapshot(20, 10, TimeSpan.Zero);
        Assert.Equal((3, 1), (arrived, left));
        Assert.Equal([0, 1, 2], tile.History.Select(m => m.Epoch));
        Assert.Equal("done", tile.Ended);
        Assert.Equal(40, tile.Points.Labels.Length);
        Assert.Equal((10, 20), (tile.Surface!.Rows, tile.Surface.Columns));
        Assert.Equal(4, tile.Diagnostics!.MeanGradNorm!.Length);
    }

    [Fact]
    public void ALongRun_KeepsAboutKeptEpochs_AndAlwaysTheLatest()
    {
        int epochs = 10 * LiveRun.KeptEpochs;
        var run = new LiveRun("long", epochs, () => { }, () => { });
        for (int e = 0; e <= epochs / 2 + 3; e++) run.Epoch(new EpochMetrics(e, 1, 0.5));
        var history = run.Snapshot(10, 10, TimeSpan.Zero).History;
        Assert.InRange(history.Count, LiveRun.KeptEpochs / 2, LiveRun.KeptEpochs / 2 + 2);
        Assert.Equal(epochs / 2 + 3, history[^1].Epoch);
        Assert.All(history.SkipLast(1), m => Assert.Equal(0, m.Epoch % 10));
    }
}
