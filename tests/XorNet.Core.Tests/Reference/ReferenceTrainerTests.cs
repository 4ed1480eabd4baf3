namespace XorNet.Core.Tests.Reference;

/// <summary>Whole reference runs: the article's late explosion, its cause, and a history that stays bounded.</summary>
public class ReferenceTrainerTests
{
    /// <summary>
    /// The exploding figure's λ at a larger learning rate, so the test is short: the scalar L2 term's feedback blows
    /// the run up late, after its lowest loss (at lr 0.003 NumPy's loss is lowest at 91,431 and infinite at 102,696).
    /// </summary>
    [Fact]
    public void ExplodingRun_DivergesLate_AfterItsLowestLoss_AndNamesTheL2Bug()
    {
        var config = ReferenceFigure.Exploding.Config(iterations: 3000) with { LearningRate = 0.1 };
        TrainingResult r = new ReferenceTrainer(config).Run();
        Assert.Equal(StopReason.Diverged, r.Stop.Reason);
        Assert.InRange(r.Stop.Epoch!.Value, 1_500, 2_000);
        EpochMetrics lowest = r.History.MinBy(m => m.Loss);
        Assert.InRange(lowest.Epoch, 1_000, r.Stop.Epoch!.Value - 200); // it had learned, then got worse
        Assert.True(lowest.Loss < 0.24, $"lowest {lowest.Loss}");
        // advice: --fix l2-gradient
        Assert.Contains(new Setting(nameof(ReferenceProgram.Fixes), "l2-gradient"), r.Stop.Message!.Settings);
    }

    [Fact]
    public void EachRecordedIteration_SeesItsWeightsInNetwork_AndTheyChange()
    {
        var trainer = new ReferenceTrainer(ReferenceFigure.Exploding.Config(iterations: 20));
        var seen = new List<double[]>();
        trainer.Run(m =>
        {
            Assert.Equal(trainer.Reference.W1.Data, trainer.Network.P.W(1).Data);
            Assert.Equal(trainer.Reference.W2.Data, trainer.Network.P.W(2).Data);
            seen.Add((double[])trainer.Network.P.W(1).Data.Clone());
        });
        Assert.Equal(21, seen.Count);
        Assert.NotEqual(seen[0], seen[20]);
    }

    [Fact]
    public void FixingTheL2Gradient_RemovesTheBlowUp()
    {
        var config = ReferenceFigure.Exploding.Config(ReferenceFix.L2Gradient, 3000) with { LearningRate = 0.1 };
        TrainingResult r = new ReferenceTrainer(config).Run();
        Assert.Equal(StopReason.Completed, r.Stop.Reason);
        Assert.Equal(3000, r.Final.Epoch);
        // still learning, where the bugged run blew up
        Assert.True(r.Final.Loss < r.History[0].Loss, $"loss {r.Final.Loss}");
    }

    [Fact]
    public void History_IsBounded_KeepsEveryEarlyIteration_TheLastAndTheBest()
    {
        TrainingResult r = new ReferenceTrainer(ReferenceFigure.ThreeNeurons.Config(iterations: 50_000)).Run();
        Assert.InRange(r.History.Count, 1001, 2002); // every iteration up to 1,000, then 1,000 spaced ones, + the best
        Assert.Equal(Enumerable.Range(0, 1001), r.History.Take(1001).Select(m => m.Epoch));
        Assert.Equal(50_000, r.History[^1].Epoch);
        Assert.All(r.History.Skip(1000).Zip(r.History.Skip(1001)),
            p => Assert.InRange(p.Second.Epoch - p.First.Epoch, 1, 49));
        Assert.True(r.History.Zip(r.History.Skip(1)).All(p => p.First.Epoch < p.Second.Epoch));
        Assert.Equal(r.History.Min(m => m.Loss), r.History.MinBy(m => m.Loss).Loss);
    }

    [Fact]
    public void Result_IsXorNetsNetwork_HoldingTheReferenceWeights_OnItsData()
    {
        var trainer = new ReferenceTrainer(ReferenceNetworkTests.Config(3, 0.003, 0, iterations: 10));
        TrainingResult r = trainer.Run();
        Assert.False(r.Network.UseBias);
        Assert.Equal(trainer.Reference.W1.Data, r.Network.P.W(1).Data);
        Assert.Equal(ReferenceData.Points(300).X.Data, r.Data.X.Data);
        Assert.Equal(11, r.History.Count); // iterations 0..10
    }

    [Fact]
    public void SameConfig_SameBytes_EvenWithShuffledMinibatches()
    {
        var config = ReferenceFigure.Exploding.Config(ReferenceFix.All, 300);
        var a = new ReferenceTrainer(config).Run();
        var b = new ReferenceTrainer(config).Run();
        Assert.Equal(MetricsJson.Serialize(a), MetricsJson.Serialize(b));
        Assert.True(a.Network.UseBias);
    }
}
