namespace XorNet.Core.Tests.Reference;

/// <summary>Whole reference runs: the article's late explosion, its cause, and a history that stays bounded.</summary>
public class ReferenceTrainerTests
{
    [Fact]
    public void ExplodingFigure_DivergesBetween99000And103000_AfterItsLowestLossNear91431()
    {
        TrainingResult r = new ReferenceTrainer(ReferenceFigure.Exploding.Config(iterations: 200_000)).Run();
        Assert.Equal(StopReason.Diverged, r.Stop.Reason);
        Assert.InRange(r.Stop.Epoch!.Value, 99_000, 103_000);
        EpochMetrics lowest = r.History.MinBy(m => m.Loss);
        Assert.InRange(lowest.Epoch, 91_000, 92_000); // NumPy: 0.22589 at 91,431 (BLAS sums in another order)
        Assert.Equal(0.22589, lowest.Loss, 1e-4);
        Assert.Contains("--fix l2-gradient", r.Stop.Message);
    }

    [Fact]
    public void FixingTheL2Gradient_RemovesTheBlowUp()
    {
        TrainingResult r = new ReferenceTrainer(ReferenceFigure.Exploding.Config(ReferenceFix.L2Gradient, 150_000)).Run();
        Assert.Equal(StopReason.Completed, r.Stop.Reason);
        Assert.Equal(150_000, r.Final.Epoch);
        Assert.True(r.Final.Loss < 0.22, $"loss {r.Final.Loss}");
    }

    [Fact]
    public void History_IsBounded_KeepsEveryEarlyIteration_TheLastAndTheBest()
    {
        TrainingResult r = new ReferenceTrainer(ReferenceFigure.ThreeNeurons.Config(iterations: 50_000)).Run();
        Assert.InRange(r.History.Count, 1001, 2100);
        Assert.Equal(Enumerable.Range(0, 1001), r.History.Take(1001).Select(m => m.Epoch));
        Assert.Equal(50_000, r.History[^1].Epoch);
        Assert.True(r.History.Zip(r.History.Skip(1)).All(p => p.First.Epoch < p.Second.Epoch));
        Assert.Equal(r.History.Min(m => m.Loss), r.History.MinBy(m => m.Loss).Loss);
    }

    [Fact]
    public void Result_IsXorNetsNetwork_HoldingTheReferenceWeights_OnItsData()
    {
        var trainer = new ReferenceTrainer(ReferenceNetworkTests.Config(3, 0.003, 0, iterations: 10));
        TrainingResult r = trainer.Run();
        Assert.False(r.Network.UseBias);
        Assert.Equal(trainer.Reference.W1.Data, r.Network.P.W1.Data);
        Assert.Equal(ReferenceData.Points(300).X.Data, r.Data.X.Data);
        Assert.Equal(11, r.History.Count); // iterations 0..10
    }

    [Fact]
    public void SameConfig_SameBytes_EvenWithShuffledMinibatches()
    {
        var config = ReferenceFigure.Exploding.Config(ReferenceFix.All, 2000);
        var a = new ReferenceTrainer(config).Run();
        var b = new ReferenceTrainer(config).Run();
        Assert.Equal(MetricsJson.Serialize(a), MetricsJson.Serialize(b));
        Assert.True(a.Network.UseBias);
    }
}
