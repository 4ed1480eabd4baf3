namespace XorNet.Tests;

public class TrainingHistoryTests
{
    /// <summary>A loss that falls, with its lowest value at bestEpoch (off every stride), and rises after it.</summary>
    private static TrainingHistory Record(int epochs, int limit, int bestEpoch = -1)
    {
        var history = new TrainingHistory(tensors: 4, limit);
        double[] mean = new double[4], max = new double[4];
        history.Add(new EpochMetrics(0, 1, 0.5), double.NaN, 1);
        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            double loss = epoch == bestEpoch ? 1e-6 : 1.0 / (1 + epoch % 97);
            Array.Fill(mean, epoch);
            Array.Fill(max, 2.0 * epoch);
            history.Add(new EpochMetrics(epoch, loss, 0.5), 0.1, epoch, mean, max);
        }
        return history;
    }

    [Fact]
    public void UpToTheLimit_EveryEpochIsKept()
    {
        var history = Record(epochs: 10, limit: 10);
        Assert.Equal(Enumerable.Range(0, 11), history.Select(m => m.Epoch));
        Assert.Equal(1, history.Stride);
        Assert.Equal(7.0, history.DiagnosticsAt(7)!.MeanGradNorm![2]);
        Assert.Null(history.DiagnosticsAt(0)!.MeanGradNorm); // epoch 0 has no gradients yet
    }

    [Theory]
    [InlineData(11, 10)]
    [InlineData(1000, 10)]
    [InlineData(12345, 100)]
    [InlineData(1_000_000, TrainingHistory.DefaultLimit)]
    public void PastTheLimit_EpochsAreEvenlySpaced_AndTheFirstLastAndBestStay(int epochs, int limit)
    {
        int best = epochs - 3; // near the end, and odd or not on the stride
        var history = Record(epochs, limit, best);
        int[] kept = [.. history.Select(m => m.Epoch)];
        Assert.InRange(kept.Length, limit / 2, limit + 3);
        Assert.Equal(0, kept[0]);
        Assert.Equal(epochs, kept[^1]);
        Assert.Contains(best, kept);
        Assert.Equal(best, history.Best.Epoch);
        Assert.Equal(kept.Order(), kept);
        var spaced = kept.Where(e => e % history.Stride == 0).ToArray();
        Assert.All(kept.Except(spaced), e => Assert.Contains(e, new[] { best, epochs })); // the only extras
        Assert.Equal(spaced.Length, spaced[^1] / history.Stride + 1); // every multiple of the stride, none missing
        Assert.True(spaced[^1] + history.Stride > epochs - history.Stride, "the spacing reaches the end");
    }

    [Fact]
    public void RecordingAMillionEpochs_KeepsMemoryBounded()
    {
        var history = new TrainingHistory(tensors: 4);
        double[] norms = [1, 2, 3, 4];
        history.Add(new EpochMetrics(0, 1, 0), double.NaN, 1);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int epoch = 1; epoch <= 1_000_000; epoch++)
            history.Add(new EpochMetrics(epoch, 1.0 / epoch, 0.5), 0.1, 1, norms, norms);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < 4_000_000, $"{allocated} bytes allocated for 1e6 epochs"); // ~100 bytes per kept row
        Assert.InRange(history.Count, TrainingHistory.DefaultLimit / 2, TrainingHistory.DefaultLimit + 3);
    }

    [Fact]
    public void TheRecentEpochs_KeepTheirDiagnostics_ForTheDivergenceReport()
    {
        var history = Record(epochs: 999, limit: 10); // stride 128: epochs 994..999 are not listed
        for (int epoch = 999 - TrainingHistory.RecentEpochs + 1; epoch <= 999; epoch++)
            Assert.Equal(2.0 * epoch, history.DiagnosticsAt(epoch)!.MaxGradNorm![0]);
        Assert.Null(history.DiagnosticsAt(999 - TrainingHistory.RecentEpochs));
        Assert.Null(history.At(501));
    }

    [Fact]
    public void TheGradientFlow_IsKeptWithEveryListedEpoch_AndRecordingItAllocatesNothing()
    {
        var history = new TrainingHistory(tensors: 6, limit: 8); // 3 weight layers, 2 hidden
        double[] norms = new double[6], update = new double[3], saturation = new double[2];
        history.Add(new EpochMetrics(0, 1, 0), double.NaN, 1, default, default, default, [0.25, 0.5]);
        long allocated = 0;
        for (int epoch = 1; epoch <= 1000; epoch++)
        {
            Array.Fill(update, epoch);
            Array.Fill(saturation, epoch / 1000.0);
            long before = GC.GetAllocatedBytesForCurrentThread();
            history.Add(new EpochMetrics(epoch, 1.0 / epoch, 0.5), 0.1, 1, norms, norms, update, saturation);
            // the stride is ≥ 16 by then: an epoch it does not keep is rewritten in place
            if (epoch >= 100 && epoch % 16 != 0)
                allocated += GC.GetAllocatedBytesForCurrentThread() - before;
        }
        Assert.Equal(0, allocated);
        Assert.Equal([0.25, 0.5], history.DiagnosticsAt(0)!.Saturation!);
        Assert.Null(history.DiagnosticsAt(0)!.UpdateRatio);
        foreach (var d in history.Diagnostics.Skip(1))
        {
            Assert.Equal(Enumerable.Repeat((double)d.Epoch, 3), d.UpdateRatio);
            Assert.Equal(Enumerable.Repeat(d.Epoch / 1000.0, 2), d.Saturation);
        }
        Assert.Equal(1000, history.Diagnostics.Last().Epoch);
    }

    [Fact]
    public void Until_IsTheHistorySoFar()
    {
        var history = Record(epochs: 30, limit: 10, bestEpoch: 13);
        TrainingHistory sofar = history.Until(20);
        Assert.All(sofar, m => Assert.True(m.Epoch <= 20));
        Assert.Equal(history.Where(m => m.Epoch <= 20), sofar);
        Assert.Equal(sofar[^1], sofar.Last);
        Assert.Equal(13, sofar.Best.Epoch);
        Assert.Equal(16.0, sofar.DiagnosticsAt(16)!.MeanGradNorm![0]);
        Assert.Throws<InvalidOperationException>(() => sofar.Add(new EpochMetrics(31, 1, 0), 1, 1));
    }

    [Fact]
    public void EpochsMustComeInOrder()
    {
        var history = new TrainingHistory(tensors: 4);
        Assert.Throws<ArgumentException>(() => history.Add(new EpochMetrics(1, 1, 0), 1, 1));
        history.Add(new EpochMetrics(0, 1, 0), double.NaN, 1);
        Assert.Throws<ArgumentException>(() => history.Add(new EpochMetrics(2, 1, 0), 1, 1));
    }

    [Fact]
    public void TheBest_IsTheLowestTestLoss_WhenThereIsOne_AndNaNNeverWins()
    {
        var history = new TrainingHistory(tensors: 1);
        history.Add(new EpochMetrics(0, 1.0, 0) { TestLoss = 0.9 }, double.NaN, 1);
        history.Add(new EpochMetrics(1, 0.1, 0) { TestLoss = 0.5 }, 1, 1, [1], [1]);
        history.Add(new EpochMetrics(2, 0.05, 0) { TestLoss = 0.7 }, 1, 1, [1], [1]);
        history.Add(new EpochMetrics(3, double.NaN, 0) { TestLoss = double.NaN }, 1, 1, [1], [1]);
        Assert.Equal(1, history.Best.Epoch);
    }
}
