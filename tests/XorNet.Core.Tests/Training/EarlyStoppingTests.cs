namespace XorNet.Tests;

public class EarlyStoppingTests
{
    [Fact]
    public void StopsAfterPatienceEpochsWithoutImprovement_AndRestoresTheBestWeights()
    {
        var p = new Parameters(1, 1, 2);
        var stop = new EarlyStopping(2, p);
        double[] losses = [1.0, 0.8, 0.9, 0.85, 0.7];
        bool stopped = false;
        int epoch = 0;
        for (; epoch < losses.Length && !stopped; epoch++)
        {
            p.W(1).Fill(epoch); // the "weights" of each epoch
            stopped = stop.Observe(epoch, losses[epoch], p);
        }
        Assert.True(stopped);
        Assert.Equal(4, epoch);             // stopped after epoch 3: two epochs (2, 3) without beating 0.8
        Assert.Equal(1, stop.BestEpoch);
        stop.RestoreBest(p);
        Assert.Equal(1, p.W(1).Data[0]);
    }

    [Fact]
    public void NaN_NeverCountsAsImprovement()
    {
        var p = new Parameters(1, 1, 2);
        var stop = new EarlyStopping(1, p);
        Assert.False(stop.Observe(0, 0.5, p));
        Assert.True(stop.Observe(1, double.NaN, p));
        Assert.Equal(0, stop.BestEpoch);
    }
}
