namespace XorNet.Tests;

public class ParameterSnapshotsTests
{
    private static readonly TrainingConfig Config = new() { Epochs = 20, Hidden = 6, Samples = 80, Seed = 3 };

    private static Trainer NewTrainer() => new(Config, Dataset.GaussianXor(Config.Samples, Config.Seed));

    [Fact]
    public void Observing_DoesNotChangeTheNumbers()
    {
        string alone = MetricsJson.Serialize(NewTrainer().Run());
        var trainer = NewTrainer();
        var snapshots =
            new ParameterSnapshots(trainer.Network, ParameterSnapshots.EvenlySpacedEpochs(Config.Epochs, 7));
        string observed = MetricsJson.Serialize(trainer.Run(snapshots.Observe));
        Assert.Equal(alone, observed);
        Assert.Equal(7, snapshots.Taken.Count);
    }

    [Fact]
    public void Snapshots_HoldTheParametersOfTheirEpoch()
    {
        var trainer = NewTrainer();
        var initial = trainer.Network.P.CloneShape();
        trainer.Network.P.CopyTo(initial);
        var snapshots = new ParameterSnapshots(trainer.Network, [0, 5, Config.Epochs]);
        var result = trainer.Run(snapshots.Observe);

        Assert.Equal([0, 5, Config.Epochs], snapshots.Taken.Select(s => s.Metrics.Epoch));
        Assert.Equal(result.History[5], snapshots.Taken[1].Metrics);
        foreach (var ((name, expected), (_, actual)) in initial.Named().Zip(snapshots.Taken[0].Parameters.Named()))
            Assert.True(expected.Data.SequenceEqual(actual.Data), $"{name} at epoch 0");
        foreach (var ((name, expected), (_, actual)) in result.Network.P.Named()
            .Zip(snapshots.Taken[2].Parameters.Named()))
            Assert.True(expected.Data.SequenceEqual(actual.Data), $"{name} at the last epoch");
        // A snapshot is a copy: epoch 5 differs from both ends.
        Assert.False(snapshots.Taken[1].Parameters.W(1).Data.SequenceEqual(result.Network.P.W(1).Data));
        Assert.False(snapshots.Taken[1].Parameters.W(1).Data.SequenceEqual(initial.W(1).Data));
    }

    [Theory]
    [InlineData(100, 50)]
    [InlineData(100, 2)]
    [InlineData(7, 50)]
    [InlineData(1000, 49)]
    [InlineData(3, 4)]
    public void EvenlySpacedEpochs_AreDistinct_Sorted_AndSpanTheRun(int epochs, int frames)
    {
        int[] chosen = ParameterSnapshots.EvenlySpacedEpochs(epochs, frames);
        Assert.Equal(Math.Min(frames, epochs + 1), chosen.Length);
        Assert.Equal(0, chosen[0]);
        Assert.Equal(epochs, chosen[^1]);
        Assert.True(chosen.Zip(chosen.Skip(1)).All(p => p.First < p.Second), string.Join(",", chosen));
        int maxGap = chosen.Zip(chosen.Skip(1)).Max(p => p.Second - p.First);
        int minGap = chosen.Zip(chosen.Skip(1)).Min(p => p.Second - p.First);
        Assert.True(maxGap - minGap <= 1, $"gaps {minGap}..{maxGap}");
    }
}
